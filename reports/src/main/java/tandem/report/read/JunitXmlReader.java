package tandem.report.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import tandem.report.model.CaseResult;
import tandem.report.model.RunKind;
import tandem.report.model.RunResult;
import tandem.report.model.Status;

/**
 * Reads JUnit XML as Maven Surefire and most CI tools write it: a {@code <testsuite>} (or a
 * {@code <testsuites>} of them) whose {@code <testcase>} children hold {@code <failure>},
 * {@code <error>} or {@code <skipped>}.
 */
final class JunitXmlReader implements ResultFileReader {

    @Override
    public boolean accepts(String head) {
        return head.startsWith("<") && (head.contains("<testsuite") || head.contains("<testsuites"));
    }

    @Override
    public List<RunResult> read(Path file, byte[] content) throws ResultFormatException {
        Element root;
        try {
            root = builder().parse(new ByteArrayInputStream(content)).getDocumentElement();
        } catch (SAXParseException e) {
            throw new ResultFormatException(e.getLineNumber(), e.getMessage());
        } catch (SAXException | IOException e) {
            throw new ResultFormatException(0, e.getMessage());
        }
        List<RunResult> runs = new ArrayList<>();
        if (root.getTagName().equals("testsuite")) {
            runs.add(suite(root));
        } else if (root.getTagName().equals("testsuites")) {
            for (Element s : children(root, "testsuite")) {
                runs.add(suite(s));
            }
        } else {
            throw new ResultFormatException(1, "root element <" + root.getTagName() + "> is not <testsuite>");
        }
        return runs;
    }

    private static RunResult suite(Element suite) {
        List<CaseResult> cases = new ArrayList<>();
        for (Element tc : children(suite, "testcase")) {
            String cls = tc.getAttribute("classname");
            String name = cls.isEmpty() ? tc.getAttribute("name") : cls + "." + tc.getAttribute("name");
            double ms = seconds(tc.getAttribute("time")) * 1000.0;
            CaseResult c = CaseResult.pass(name, ms);
            Element problem = first(tc, "failure", "error", "skipped");
            if (problem != null) {
                Status st = switch (problem.getTagName()) {
                    case "failure" -> Status.FAIL;
                    case "error" -> Status.ERROR;
                    default -> Status.SKIPPED;
                };
                String msg = problem.getAttribute("message");
                if (msg.isEmpty()) {
                    msg = problem.getAttribute("type");
                }
                c = CaseResult.of(name, st, ms, msg.isEmpty() ? null : firstLine(msg));
                String body = problem.getTextContent().strip();
                if (!body.isEmpty()) {
                    c = c.withDetail(body);
                }
            }
            cases.add(c);
        }
        return RunResult.of(RunKind.UNIT, suite.getAttribute("name"), "surefire", null, cases)
                .withStartedAt(suite.getAttribute("timestamp").isEmpty() ? null : suite.getAttribute("timestamp"));
    }

    private static double seconds(String text) {
        try {
            return text.isEmpty() ? 0 : Double.parseDouble(text.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static Element first(Element parent, String... tags) {
        for (String tag : tags) {
            List<Element> found = children(parent, tag);
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // Result files come from anywhere; never fetch DTDs or expand external entities.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // The default handler prints to stderr; the caller reports the exception as one line.
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
