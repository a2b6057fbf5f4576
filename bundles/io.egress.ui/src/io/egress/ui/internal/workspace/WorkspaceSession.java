package io.egress.ui.internal.workspace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.detect.DetectionReport;
import io.egress.enrich.details.IpDetailsService;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.jobs.MonitorProgress;
import io.egress.ui.internal.session.Investigation;
import io.egress.ui.internal.session.SavedLiveCapture;
import io.egress.ui.internal.session.ViewState;
import io.egress.workspace.CaptureProblem;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.EnrichmentAnswer;
import io.egress.workspace.OpenedWorkspace;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceStore;
import io.egress.workspace.enrich.AddressAnswers;

/**
 * The workspace file behind the investigation: which file it is, whether there are unsaved changes,
 * and the Save / Open / New operations (saves and opens in cancellable jobs, one at a time). One
 * instance lives in the application context, put there by {@link WorkspaceAddon}; handlers and tests
 * get it injected. Nothing here touches widgets: the jobs' callers show results through
 * {@link WorkspaceUi}.
 */
public final class WorkspaceSession {
    /** Saves and opens never run at the same time (autosave included). */
    private static final ISchedulingRule ONE_AT_A_TIME = new ISchedulingRule() {
        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private final Investigation investigation;
    private final RecentWorkspaces recent;
    private final WorkspaceStore store = new WorkspaceStore();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Bumped by New and Open: a save that started before must not claim the new investigation. */
    private final AtomicLong epoch = new AtomicLong();
    /** Captures restored from a workspace keep their reference (no re-hashing; embedded packets). */
    private final Map<CaptureAnalysis, CaptureRef> knownRefs = Collections.synchronizedMap(new IdentityHashMap<>());
    private volatile Path file;
    private volatile long savedEdits;
    /** The live capture to save: this workbench's session, else the one the workspace was opened with. */
    private final Supplier<Optional<SavedLiveCapture>> live;
    /** Where GeoIP answers come from (replaced when the analyst adds a database folder); null: none stored. */
    private final Supplier<IpDetailsService> details;
    /** The enrichment answers of the workspace opened last, kept by the next save. */
    private volatile List<EnrichmentAnswer> openedAnswers = List.of();

    public WorkspaceSession(Investigation investigation, RecentWorkspaces recent) {
        this(investigation, recent, investigation::savedLive, () -> null);
    }

    public WorkspaceSession(Investigation investigation, RecentWorkspaces recent, Supplier<Optional<SavedLiveCapture>> live,
            Supplier<IpDetailsService> details) {
        this.investigation = investigation;
        this.recent = recent;
        this.live = live;
        this.details = details;
        this.savedEdits = investigation.edits();
        investigation.addEditListener(this::fire);
    }

    /** The file saved to or opened last; empty for a new, never saved investigation. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Whether the investigation changed since it was last saved or opened (or since New). */
    public boolean isDirty() {
        return investigation.edits() != savedEdits;
    }

    public RecentWorkspaces recent() {
        return recent;
    }

    /** Called (on any thread) when the file or the dirty state may have changed. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Whether Save stores the captures' packets (a setting of the workspace, saved with it). */
    public boolean embedPackets() {
        return "true".equals(investigation.viewState().get(ViewState.EMBED_PACKETS));
    }

    /** File &gt; Store Packets in Workspace; an unsaved change. */
    public void setEmbedPackets(boolean embed) {
        investigation.setSetting(ViewState.EMBED_PACKETS, embed ? "true" : null);
        fire();
    }

    /** File &gt; New: an empty investigation without a file. */
    public void newWorkspace() {
        epoch.incrementAndGet();
        investigation.clear();
        knownRefs.clear();
        openedAnswers = List.of();
        file = null;
        savedEdits = investigation.edits();
        fire();
    }

    /** A user job (progress in the status bar, cancellable) saving the investigation to {@code target}; not scheduled yet. */
    public SaveJob saveJob(Path target) {
        return new SaveJob(target, false);
    }

    /** A user job opening a workspace file, not scheduled yet; the investigation is replaced only when it opened. */
    public OpenJob openJob(Path target) {
        return new OpenJob(target);
    }

    /** A save of whatever is open now; also what autosave runs. */
    public final class SaveJob extends Job {
        private final Path target;
        private volatile IOException failure;

        SaveJob(Path target, boolean autosave) {
            super(NLS.bind(autosave ? Messages.workspace_autosaveJob : Messages.workspace_saveJob, target.getFileName()));
            this.target = target;
            setUser(!autosave);
            setSystem(autosave);
            setRule(ONE_AT_A_TIME);
            setPriority(autosave ? Job.DECORATE : Job.LONG);
        }

        public Path target() {
            return target;
        }

        /** Why the save failed (the previous file, if any, is unchanged); null after a success or a cancel. */
        public IOException failure() {
            return failure;
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            SubMonitor sub = SubMonitor.convert(monitor, getName(), 100);
            long startEpoch = epoch.get();
            long edits = investigation.edits();
            List<CaptureAnalysis> captures = investigation.captures();
            try {
                List<InvestigationContent.CaptureState> states = new ArrayList<>();
                for (CaptureAnalysis c : captures) {
                    states.add(new InvestigationContent.CaptureState(c, investigation.report(c), Optional.ofNullable(knownRefs.get(c))));
                }
                sub.subTask(Messages.workspace_collecting);
                long now = System.currentTimeMillis();
                WorkspaceContent content = InvestigationContent.toContent(states, live.get(), openedAnswers, investigation.notes(),
                        investigation.viewState(), Optional.ofNullable(file), now);
                IpDetailsService enrichment = details.get();
                if (enrichment != null) {
                    sub.subTask(Messages.workspace_enriching);
                    content = AddressAnswers.enriched(content, enrichment, now);
                }
                sub.worked(10);
                if (sub.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                store.save(target, content, new MonitorProgress(sub.split(90)));
                if (epoch.get() == startEpoch) {
                    for (int i = 0; i < captures.size(); i++) {
                        knownRefs.put(captures.get(i), content.captures().get(i));
                    }
                    file = target;
                    savedEdits = edits;
                    openedAnswers = content.enrichment();
                }
                recent.add(target);
                fire();
                return Status.OK_STATUS;
            } catch (io.egress.workspace.WorkspaceException e) {
                if (e.reason() == io.egress.workspace.WorkspaceException.Reason.CANCELLED) {
                    return Status.CANCEL_STATUS;
                }
                failure = e;
                return Status.info(e.getMessage()); // shown in a dialog by the caller, not logged as an error
            } catch (IOException e) {
                failure = e;
                return Status.info(e.getMessage());
            } finally {
                monitor.done();
            }
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == WorkspaceSession.class;
        }
    }

    /** Reads a workspace, re-reads its captures and then replaces the investigation with it. */
    public final class OpenJob extends Job {
        private final Path source;
        private volatile IOException failure;
        private final List<String> warnings = new CopyOnWriteArrayList<>();
        private volatile ViewState restored;
        private volatile List<CaptureAnalysis> captures = List.of();

        OpenJob(Path source) {
            super(NLS.bind(Messages.workspace_openJob, source.getFileName()));
            this.source = source;
            setUser(true);
            setRule(ONE_AT_A_TIME);
            setPriority(Job.LONG);
        }

        public Path source() {
            return source;
        }

        /** Why the workspace could not be opened (nothing was changed, the file neither); null otherwise. */
        public IOException failure() {
            return failure;
        }

        /** Problems that did not stop the opening: captures missing or changed. */
        public List<String> warnings() {
            return List.copyOf(warnings);
        }

        /** The view state to show, captures renumbered to those restored; null until opened. */
        public ViewState viewState() {
            return restored;
        }

        /** The captures restored, in the investigation's order. */
        public List<CaptureAnalysis> captures() {
            return captures;
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            SubMonitor sub = SubMonitor.convert(monitor, getName(), 100);
            try {
                OpenedWorkspace opened = store.open(source, new MonitorProgress(sub.split(20)));
                WorkspaceContent content = opened.content();
                int n = content.captures().size();
                List<CaptureAnalysis> restoredCaptures = new ArrayList<>();
                List<Optional<DetectionReport>> reports = new ArrayList<>();
                Map<CaptureAnalysis, CaptureRef> refs = new IdentityHashMap<>();
                int[] newIndex = new int[n];
                SubMonitor reading = SubMonitor.convert(sub.split(80), Math.max(1, n));
                for (int i = 0; i < n; i++) {
                    newIndex[i] = -1;
                    CaptureRef ref = content.captures().get(i);
                    int index = i;
                    Optional<CaptureProblem> problem = opened.captureProblems().stream().filter(p -> p.index() == index).findFirst();
                    Path capture = ref.path();
                    if (problem.isPresent()) {
                        if (!ref.embedded()) {
                            warnings.add(NLS.bind(Messages.workspace_captureMissing, ref.path(), problem.get().problem()));
                            reading.worked(1);
                            continue;
                        }
                        capture = extract(i, ref);
                    }
                    reading.subTask(NLS.bind(Messages.workspace_readingCapture, ref.path().getFileName()));
                    CaptureAnalysis analysis = CaptureAnalyzer.analyze(capture, new MonitorProgress(reading.split(1)));
                    if (sub.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    int saved = content.flowsOf(i).size();
                    if (analysis.flows().size() != saved) {
                        warnings.add(NLS.bind(Messages.workspace_captureChanged, new Object[] {ref.path(), analysis.flows().size(), saved}));
                    }
                    newIndex[i] = restoredCaptures.size();
                    restoredCaptures.add(analysis);
                    reports.add(InvestigationContent.reportOf(content, i));
                    refs.put(analysis, ref);
                }
                // everything read: only now replace what the analyst had open
                epoch.incrementAndGet();
                investigation.clear();
                knownRefs.clear();
                knownRefs.putAll(refs);
                openedAnswers = content.enrichment();
                LiveFlowRecords.of(content).ifPresent(investigation::setSavedLive);
                for (int i = 0; i < restoredCaptures.size(); i++) {
                    CaptureAnalysis c = restoredCaptures.get(i);
                    reports.get(i).ifPresent(r -> investigation.setReport(c, r));
                    investigation.add(c);
                }
                InvestigationContent.addressNotes(content).forEach(investigation::setNote);
                restored = new ViewState(renumbered(content.viewState(), newIndex));
                restored.entries().forEach(investigation::setViewState);
                captures = List.copyOf(restoredCaptures);
                file = source;
                savedEdits = investigation.edits();
                recent.add(source);
                fire();
                return Status.OK_STATUS;
            } catch (IOException | RuntimeException e) {
                failure = e instanceof IOException io ? io : new IOException(source + ": " + e.getMessage(), e);
                return Status.info(failure.getMessage());
            } finally {
                monitor.done();
            }
        }

        private Path extract(int index, CaptureRef ref) throws IOException {
            Path tmp = Files.createTempFile("egress-embedded-", "-" + ref.path().getFileName());
            tmp.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.extractCapture(source, index, out);
            }
            warnings.add(NLS.bind(Messages.workspace_captureEmbedded, ref.path()));
            return tmp;
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == WorkspaceSession.class;
        }
    }

    /** The workbench's own view-state keys, with capture numbers shifted past captures that could not be restored. */
    static Map<String, String> renumbered(Map<String, String> saved, int[] newIndex) {
        Map<String, String> out = new java.util.TreeMap<>();
        saved.forEach((k, v) -> {
            if (k.startsWith("report.") || k.startsWith("live.")) {
                return; // rewritten by every save
            }
            if (k.equals(ViewState.CONNECTIONS_SOURCE) && v.equals(ViewState.LIVE_CAPTURE)) {
                out.put(k, v);
            } else if (k.equals(ViewState.CONNECTIONS_SOURCE)) {
                int old = ViewState.sourceIndex(v);
                out.put(k, ViewState.source(old >= 0 && old < newIndex.length ? newIndex[old] : -1));
            } else if (k.equals(ViewState.TIMELINE_WINDOW)) {
                ViewState.window(v).filter(w -> w[0] < newIndex.length && newIndex[(int) w[0]] >= 0)
                        .ifPresent(w -> out.put(k, newIndex[(int) w[0]] + ":" + w[1] + ":" + w[2]));
            } else if (k.equals(ViewState.FLOW)) {
                String[] parts = v.split(":");
                try {
                    int old = Integer.parseInt(parts[0]);
                    if (parts.length == 2 && old >= 0 && old < newIndex.length && newIndex[old] >= 0) {
                        out.put(k, newIndex[old] + ":" + parts[1]);
                    }
                } catch (NumberFormatException e) {
                    // not ours: dropped
                }
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Autosave, every {@code interval} while the workbench runs: saves when there are changes and a file is set. */
    Job autosave(long intervalMillis, java.util.function.Consumer<SaveJob> whenSaved) {
        Job job = new Job(Messages.workspace_autosaveName) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                Path target = file;
                if (target != null && isDirty() && !monitor.isCanceled()) {
                    SaveJob save = new SaveJob(target, true);
                    whenSaved.accept(save);
                    save.schedule(); // same rule as a manual save: never two at once
                }
                schedule(intervalMillis);
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == AUTOSAVE;
            }
        };
        job.setSystem(true);
        job.schedule(intervalMillis);
        return job;
    }

    /** Job family of the autosave timer. */
    static final Object AUTOSAVE = new Object();

    private void fire() {
        listeners.forEach(Runnable::run);
    }
}
