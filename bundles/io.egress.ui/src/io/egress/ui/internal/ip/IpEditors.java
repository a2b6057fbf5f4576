package io.egress.ui.internal.ip;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import io.egress.core.net.IpAddresses;

/** Opens the IP details editor for an address: one editor per address, reused when already open. */
public final class IpEditors {
    public static final String DESCRIPTOR = "io.egress.ui.partdescriptor.ipdetails";
    static final String ADDRESS_KEY = "address";
    private static final String STACK = "io.egress.ui.partstack.main";

    private IpEditors() {
    }

    public static MPart open(String address, IEclipseContext context) {
        String canonical = IpAddresses.format(IpAddresses.unmapV4(IpAddresses.parseLiteral(address)));
        EPartService parts = context.get(EPartService.class);
        EModelService models = context.get(EModelService.class);
        MApplication app = context.get(MApplication.class);
        String id = DESCRIPTOR + ":" + canonical;
        MPart part = (MPart) models.find(id, app);
        if (part == null) {
            part = parts.createPart(DESCRIPTOR);
            part.setElementId(id);
            part.setLabel(canonical);
            part.getPersistedState().put(ADDRESS_KEY, canonical);
            MPartStack stack = (MPartStack) models.find(STACK, app);
            stack.getChildren().add(part);
        }
        parts.showPart(part, PartState.ACTIVATE);
        return part;
    }
}
