package tandem.features;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** Runs every feature under {@code features/} on the golden model (and in lockstep when configured). */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
class RunFeaturesTest {
}
