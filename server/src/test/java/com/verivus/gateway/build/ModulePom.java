package com.verivus.gateway.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A module pom read with its parent: the compile and runtime dependencies (test and provided left out),
 * each with the version Maven would use when the poms state it (the module's own {@code <version>} or the
 * parent's {@code <dependencyManagement>}, {@code ${properties}} resolved), or null when an imported BOM
 * manages it; and the BOMs the parent imports.
 */
final class ModulePom {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final List<Coordinate> dependencies;
    private final List<Coordinate> importedBoms;

    private ModulePom(List<Coordinate> dependencies, List<Coordinate> importedBoms) {
        this.dependencies = List.copyOf(dependencies);
        this.importedBoms = List.copyOf(importedBoms);
    }

    static ModulePom read(Path modulePom, Path parentPom) throws IOException {
        Element parent = parse(parentPom);
        Element module = parse(modulePom);
        Map<String, String> props = new HashMap<>();
        props.put("project.version", text(parent, "version"));
        props.put("project.groupId", text(parent, "groupId"));
        props.putAll(properties(parent));
        props.putAll(properties(module));

        Map<String, String> managed = new HashMap<>();
        List<Coordinate> boms = new ArrayList<>();
        Element dm = child(parent, "dependencyManagement");
        for (Element dep : dependencies(dm == null ? null : child(dm, "dependencies"))) {
            String g = resolve(text(dep, "groupId"), props);
            String a = resolve(text(dep, "artifactId"), props);
            String v = resolve(text(dep, "version"), props);
            if ("import".equals(text(dep, "scope")) && "pom".equals(text(dep, "type"))) {
                boms.add(new Coordinate(g, a, v, true));
            } else {
                managed.put(g + ":" + a, v);
            }
        }

        List<Coordinate> deps = new ArrayList<>();
        for (Element dep : dependencies(child(module, "dependencies"))) {
            String scope = text(dep, "scope");
            if ("test".equals(scope) || "provided".equals(scope) || "system".equals(scope)) {
                continue;
            }
            String g = resolve(text(dep, "groupId"), props);
            String a = resolve(text(dep, "artifactId"), props);
            String v = resolve(text(dep, "version"), props);
            deps.add(new Coordinate(g, a, v != null ? v : managed.get(g + ":" + a), false));
        }
        return new ModulePom(deps, boms);
    }

    List<Coordinate> dependencies() {
        return dependencies;
    }

    List<Coordinate> importedBoms() {
        return importedBoms;
    }

    private static Element parse(Path pom) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(pom.toFile());
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse " + pom + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(Element project) {
        Map<String, String> props = new HashMap<>();
        Element p = child(project, "properties");
        if (p != null) {
            for (Node n = p.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    props.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        return props;
    }

    private static List<Element> dependencies(Element dependencies) {
        List<Element> out = new ArrayList<>();
        if (dependencies != null) {
            NodeList list = dependencies.getChildNodes();
            for (int i = 0; i < list.getLength(); i++) {
                if (list.item(i) instanceof Element e && e.getTagName().equals("dependency")) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** A direct child element (not any descendant: dependencies also appear under plugins). */
    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static String resolve(String value, Map<String, String> props) {
        if (value == null) {
            return null;
        }
        String out = value;
        for (int depth = 0; depth < 10 && out.contains("${"); depth++) {
            Matcher m = PROPERTY.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String replacement = props.get(m.group(1));
                if (replacement == null) {
                    throw new IllegalStateException("unresolved property ${" + m.group(1) + "} in " + value);
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }
}
