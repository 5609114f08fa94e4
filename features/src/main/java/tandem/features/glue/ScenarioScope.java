package tandem.features.glue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import io.cucumber.core.backend.CucumberBackendException;
import io.cucumber.core.backend.ObjectFactory;

/**
 * Cucumber's object factory for Tandem's glue: one instance of each class per scenario,
 * built through its single public constructor, whose parameters are themselves
 * scenario-scoped instances. Step classes share a scenario's state (the machine, the page
 * tables, the booted kernel) by asking for the same world object in their constructors.
 */
public final class ScenarioScope implements ObjectFactory {
    private final Map<Class<?>, Object> instances = new HashMap<>();
    private final Set<Class<?>> building = new HashSet<>();

    @Override
    public boolean addClass(Class<?> type) {
        // Every class is built on demand in getInstance; nothing to register ahead.
        return true;
    }

    @Override
    public void start() {
        instances.clear();
    }

    @Override
    public void stop() {
        for (Object o : instances.values()) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new CucumberBackendException("closing " + o.getClass().getSimpleName() + ": " + e.getMessage(), e);
                }
            }
        }
        instances.clear();
    }

    @Override
    public <T> T getInstance(Class<T> type) {
        Object o = instances.get(type);
        if (o == null) {
            o = create(type);
            instances.put(type, o);
        }
        return type.cast(o);
    }

    private Object create(Class<?> type) {
        if (!building.add(type)) {
            throw new CucumberBackendException("cyclic constructor dependency through " + type.getName());
        }
        try {
            Constructor<?>[] cs = type.getConstructors();
            if (cs.length != 1) {
                throw new CucumberBackendException(type.getName() + " needs exactly one public constructor");
            }
            Class<?>[] params = cs[0].getParameterTypes();
            Object[] args = new Object[params.length];
            for (int i = 0; i < params.length; i++) {
                args[i] = getInstance(params[i]);
            }
            return cs[0].newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            throw new CucumberBackendException("creating " + type.getName() + ": " + t, t);
        } catch (ReflectiveOperationException e) {
            throw new CucumberBackendException("creating " + type.getName() + ": " + e, e);
        } finally {
            building.remove(type);
        }
    }
}
