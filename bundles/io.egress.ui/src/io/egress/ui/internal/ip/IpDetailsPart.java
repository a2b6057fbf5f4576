package io.egress.ui.internal.ip;

import java.net.InetAddress;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.egress.core.net.IpAddresses;
import io.egress.enrich.details.IpDetails;
import io.egress.enrich.details.IpDetailsJson;
import io.egress.enrich.details.IpDetailsService;
import io.egress.enrich.details.LookupOptions;
import io.egress.enrich.rdap.RdapRequest;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.session.Investigation;

/**
 * The IP details editor: "who is this?" for one address. Offline answers (class, GeoIP, names seen
 * in the captures, cached RDAP) appear at once; RDAP asks the registry only when the analyst
 * presses a button, because a lookup tells a third party which address is being investigated.
 */
public final class IpDetailsPart {
    @Inject
    private Investigation investigation;
    @Inject
    private IpDetailsService service;
    @Inject
    private UISynchronize ui;

    private String address;
    private InetAddress inet;
    private AddressActivity activity = new AddressActivity(List.of(), 0, List.of(), java.util.Map.of());
    private IpDetails details;
    private Composite content;
    private FactsGroup addressFacts;
    private FactsGroup locationFacts;
    private WorldMap map;
    private FactsGroup networkFacts;
    private FactsGroup namesFacts;
    private FactsGroup rdapFacts;
    private FactsGroup talkersFacts;
    private Text flows;
    private FactsGroup findingsFacts;
    private Text note;

    @PostConstruct
    public void create(Composite parent, MPart part) {
        address = part.getPersistedState().get(IpEditors.ADDRESS_KEY);
        inet = IpAddresses.parse(address);
        ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        content = new Composite(scroll, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 8).numColumns(2).equalWidth(false).applyTo(content);
        var bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);

        Composite left = column(content);
        Composite right = column(content);
        addressFacts = new FactsGroup(left, Messages.ip_sectionAddress, bold);
        locationFacts = new FactsGroup(left, Messages.ip_sectionLocation, bold);
        map = new WorldMap(locationFacts.group());
        GridDataFactory.fillDefaults().hint(360, 180).applyTo(map.control());
        networkFacts = new FactsGroup(left, Messages.ip_sectionNetwork, bold);
        namesFacts = new FactsGroup(left, Messages.ip_sectionNames, bold);
        rdapFacts = new FactsGroup(right, Messages.ip_sectionRdap, bold);
        Composite rdapButtons = new Composite(rdapFacts.group(), SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(rdapButtons);
        button(rdapButtons, Messages.ip_rdapLookup, () -> lookUp(RdapRequest.ALLOW_NETWORK));
        button(rdapButtons, Messages.ip_rdapRefresh, () -> lookUp(RdapRequest.REFRESH));
        talkersFacts = new FactsGroup(right, Messages.ip_sectionTalkers, bold);
        flows = new Text(talkersFacts.group(), SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(500, 140).applyTo(flows);
        findingsFacts = new FactsGroup(right, Messages.ip_sectionFindings, bold);
        createNote(right);
        Composite actions = new Composite(right, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(actions);
        button(actions, Messages.ip_copyFilter, () -> copy(details == null ? "" : details.wiresharkFilter()));
        button(actions, Messages.ip_copyJson, () -> copy(details == null ? "" : IpDetailsJson.toJson(details, true)));

        scroll.setContent(content);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.addListener(SWT.Resize, e -> scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT)));

        // offline answers first, at once; the captures are scanned in a job (they may hold a million flows)
        render(service.describeOffline(inet, List.of()));
        new ActivityJob().schedule();
        investigation.addListener(findingsArrived);
    }

    private static Composite column(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.BEGINNING).applyTo(c);
        GridLayoutFactory.fillDefaults().spacing(8, 8).applyTo(c);
        return c;
    }

    private void createNote(Composite parent) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(Messages.ip_note);
        note = new Text(parent, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(500, 80).applyTo(note);
        note.setText(investigation.note(address));
        note.addModifyListener(e -> investigation.setNote(address, note.getText()));
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> action.run()));
    }

    private void lookUp(RdapRequest request) {
        rdapFacts.show(List.of(new FactsGroup.Fact(Messages.ip_rdapStatus, Messages.ip_rdapAsking)));
        service.describe(inet, activity.names(), new LookupOptions(false, request))
                .thenAccept(d -> ui.asyncExec(() -> render(d)));
    }

    private void render(IpDetails d) {
        if (content.isDisposed()) {
            return;
        }
        details = d;
        addressFacts.show(IpDetailsFacts.address(d));
        locationFacts.show(IpDetailsFacts.location(d.geo()));
        map.show(d.geo().location());
        networkFacts.show(IpDetailsFacts.network(d.geo()));
        namesFacts.show(IpDetailsFacts.names(d));
        rdapFacts.show(IpDetailsFacts.rdap(d.rdap()));
        talkersFacts.show(IpDetailsFacts.talkers(address, activity, investigation.liveConnections().orElse(null)));
        flows.setText(IpDetailsFacts.flowsText(activity));
        findingsFacts.show(IpDetailsFacts.findings(address, investigation));
        content.layout(true, true);
    }

    private void copy(String text) {
        Clipboard clipboard = new Clipboard(content.getDisplay());
        try {
            clipboard.setContents(new Object[] {text}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
    }

    /** For UI tests. */
    public IpDetails details() {
        return details;
    }

    /** Detectors finish after the editor opens: show their findings about this address then. */
    private final Runnable findingsArrived = () -> ui.asyncExec(() -> {
        if (!content.isDisposed()) {
            findingsFacts.show(IpDetailsFacts.findings(address, investigation));
        }
    });

    @PreDestroy
    public void dispose() {
        // lookups complete on their own and check for disposal; only the listener is ours to remove
        investigation.removeListener(findingsArrived);
    }

    /** Finds the flows and names of this address in the open captures. */
    private final class ActivityJob extends Job {
        ActivityJob() {
            super(NLS.bind(Messages.ip_activityJob, address));
            setSystem(true);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            AddressActivity found = AddressActivity.of(IpAddresses.parseLiteral(address), investigation.captures());
            IpDetails d = service.describeOffline(inet, found.names());
            ui.asyncExec(() -> {
                activity = found;
                render(d);
            });
            return Status.OK_STATUS;
        }
    }
}
