package io.egress.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import io.egress.enrich.geo.GeoIpService;
import io.egress.ui.internal.geo.GeoDatabasesDialog;
import io.egress.ui.internal.session.EnrichmentSetup;

/** Window &gt; GeoIP Databases...: the enrichment settings. */
public final class GeoDatabasesHandler {
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, MApplication app) {
        IEclipseContext ctx = app.getContext();
        new GeoDatabasesDialog(shell, () -> ctx.get(GeoIpService.class).catalogue(), folder -> {
            EnrichmentSetup.addUserFolder(folder);
            EnrichmentSetup.install(ctx);
        }).open();
    }
}
