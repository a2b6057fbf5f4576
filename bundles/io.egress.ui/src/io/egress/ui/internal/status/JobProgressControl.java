package io.egress.ui.internal.status;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.util.Throttler;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import io.egress.ui.internal.Messages;

/**
 * The status bar's progress area (pure e4 has no progress view): shows the running user job with a
 * progress bar and a Cancel button. Monitors only record numbers; the bar is redrawn through a
 * throttler, never once per worked() call.
 */
public final class JobProgressControl {
    private static final int SCALE = 1000;
    private final Map<Job, TrackedMonitor> running = new ConcurrentHashMap<>();
    private Label label;
    private ProgressBar bar;
    private Button cancel;
    private Throttler redraw;

    @PostConstruct
    public void create(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(6, 2).applyTo(box);
        label = new Label(box, SWT.NONE);
        GridDataFactory.fillDefaults().hint(420, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER).applyTo(label);
        bar = new ProgressBar(box, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(SCALE);
        GridDataFactory.fillDefaults().hint(220, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER).applyTo(bar);
        cancel = new Button(box, SWT.PUSH);
        cancel.setText(Messages.status_cancel);
        cancel.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> running.keySet().forEach(Job::cancel)));
        redraw = new Throttler(parent.getDisplay(), Duration.ofMillis(100), this::render);
        render();
        Job.getJobManager().setProgressProvider(new ProgressProvider() {
            @Override
            public IProgressMonitor createMonitor(Job job) {
                if (!job.isUser()) {
                    return new NullProgressMonitor();
                }
                TrackedMonitor m = new TrackedMonitor(job);
                running.put(job, m);
                return m;
            }
        });
    }

    private void render() {
        if (label.isDisposed()) {
            return;
        }
        TrackedMonitor m = running.values().stream().findFirst().orElse(null);
        boolean busy = m != null;
        label.setText(busy ? m.text() : Messages.status_ready);
        bar.setVisible(busy);
        cancel.setVisible(busy);
        if (busy) {
            bar.setSelection(m.permille());
        }
    }

    @PreDestroy
    public void dispose() {
        Job.getJobManager().setProgressProvider(null);
    }

    /** Records a job's progress for the next redraw. */
    private final class TrackedMonitor extends NullProgressMonitor {
        private final Job job;
        private volatile String task = "";
        private volatile int total = IProgressMonitor.UNKNOWN;
        private volatile double worked;

        TrackedMonitor(Job job) {
            this.job = job;
        }

        String text() {
            return task.isEmpty() ? job.getName() : task;
        }

        int permille() {
            return total <= 0 ? 0 : (int) Math.min(SCALE, worked * SCALE / total);
        }

        @Override
        public void beginTask(String name, int totalWork) {
            task = name == null ? "" : name;
            total = totalWork;
            redraw.throttledExec();
        }

        @Override
        public void internalWorked(double work) {
            worked += work;
            redraw.throttledExec();
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        @Override
        public void done() {
            running.remove(job);
            redraw.throttledExec();
        }
    }
}
