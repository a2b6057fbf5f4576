package io.egress.ui.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The File menu's shortcuts are wired in the application model: their binding table's context is
 * one the main window activates (the window named none, so Ctrl+S did nothing in the product).
 * Checked on the model file, because the test runtime carries the Eclipse 3.x workbench for the
 * UI harness, whose binding processor rewrites binding tables at start-up; the product has no 3.x
 * workbench.
 */
class KeyBindingsUiTest {
    @Test
    void theWindowActivatesTheContextOfTheFileMenuShortcuts() throws Exception {
        Document model;
        try (InputStream in = FrameworkUtil.getBundle(SaveWorkspaceHandler.class).getEntry("Application.e4xmi").openStream()) {
            model = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Map<String, Element> byId = new HashMap<>();
        NodeList all = model.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            byId.put(e.getAttribute("xmi:id"), e);
        }
        Element window = byId.values().stream().filter(e -> e.getAttribute("elementId").equals("io.egress.ui.window.main"))
                .findFirst().orElseThrow();
        List<String> windowContexts = Arrays.asList(window.getAttribute("bindingContexts").split(" "));
        Element table = byId.values().stream().filter(e -> e.getAttribute("elementId").equals("io.egress.ui.bindings.window"))
                .findFirst().orElseThrow();
        assertTrue(windowContexts.contains(table.getAttribute("bindingContext")), windowContexts + " vs " + table.getAttribute("bindingContext"));
        Map<String, String> keys = new HashMap<>();
        NodeList bindings = table.getElementsByTagName("bindings");
        for (int i = 0; i < bindings.getLength(); i++) {
            Element b = (Element) bindings.item(i);
            Element command = byId.get(b.getAttribute("command"));
            assertNotNull(command, "binding to an unknown command " + b.getAttribute("command"));
            keys.put(command.getAttribute("elementId"), b.getAttribute("keySequence"));
        }
        assertEquals(Map.of("io.egress.ui.command.openCapture", "M1+O", "io.egress.ui.command.saveWorkspace", "M1+S",
                "io.egress.ui.command.saveWorkspaceAs", "M1+M2+S", "io.egress.ui.command.quit", "M1+Q"), keys);
    }
}
