/**
 * Saved investigations: one SQLite file per workspace holding the captures used, their flows,
 * process snapshots, enrichment answers, findings, analyst notes, tags, bookmarks, detector
 * settings and the workbench's view state.
 *
 * <ul>
 * <li>{@link io.egress.workspace.WorkspaceContent} is the immutable model, built with its
 * {@link io.egress.workspace.WorkspaceContent.Builder};</li>
 * <li>{@link io.egress.workspace.WorkspaceStore} saves it (atomically: temp file + rename), opens it
 * (read-only checks first) and reports {@link io.egress.workspace.WorkspaceInfo};</li>
 * <li>{@link io.egress.workspace.WorkspaceExporter} writes JSON, CSV and pcapng, optionally
 * pseudonymised;</li>
 * <li>{@link io.egress.workspace.WorkspaceDiff} compares a baseline with a later workspace.</li>
 * </ul>
 * Every failure to read or write a workspace is a {@link io.egress.workspace.WorkspaceException}
 * naming the file and the problem. Nothing here holds global state; all classes are UI-free.
 */
package io.egress.workspace;
