package io.egress.ui.internal.ip;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** A titled section of label/value lines. Values are read-only text fields: third-party text stays plain and copyable. */
final class FactsGroup {
    record Fact(String label, String value) {
    }

    private final Group group;
    private final Composite facts;
    private final Font bold;

    FactsGroup(Composite parent, String title, Font bold) {
        this.bold = bold;
        group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(group);
        facts = new Composite(group, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(facts);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(12, 2).applyTo(facts);
    }

    Group group() {
        return group;
    }

    void show(List<Fact> lines) {
        for (Control c : facts.getChildren()) {
            c.dispose();
        }
        for (Fact f : lines) {
            Label l = new Label(facts, SWT.NONE);
            l.setText(f.label());
            l.setFont(bold);
            GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(l);
            Text v = new Text(facts, SWT.READ_ONLY | SWT.WRAP);
            v.setText(f.value() == null ? "" : f.value());
            GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(v);
        }
        group.getParent().layout(true, true);
    }
}
