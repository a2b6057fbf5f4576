package io.egress.workspace.internal.export;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.process.ProcessInfo;
import io.egress.workspace.Bookmark;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.EnrichmentAnswer;
import io.egress.workspace.FindingRecord;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.Note;
import io.egress.workspace.Subject;
import io.egress.workspace.Tag;
import io.egress.workspace.WorkspaceContent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A copy of a workspace fit to share: internal addresses, host names and user names replaced
 * everywhere (see {@link Pseudonymiser}), free text scrubbed, the view state left out.
 * Community IDs of flows with a replaced address are emptied: hashing guessed private tuples
 * would otherwise reveal the originals.
 */
public final class ContentPseudonymiser {
    private final Pseudonymiser pseudonyms;
    private final TextScrubber text;

    public ContentPseudonymiser(Pseudonymiser pseudonyms) {
        this.pseudonyms = pseudonyms;
        this.text = new TextScrubber(pseudonyms);
    }

    public WorkspaceContent apply(WorkspaceContent in) {
        in.flows().forEach(f -> f.flow().names().forEach(n -> text.knownHost(n.name())));
        in.processes().forEach(p -> text.knownUser(p.user()));
        // a capture's path and name say whose machine and which case: capture-N.EXT instead, everywhere
        List<CaptureRef> captures = in.captures();
        for (int i = 0; i < captures.size(); i++) {
            Path original = captures.get(i).path();
            String name = original.getFileName() == null ? original.toString() : original.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String shared = "capture-" + (i + 1) + (dot > 0 ? name.substring(dot) : "");
            text.knownLiteral(original.toString(), shared);
            text.knownLiteral(name, shared);
        }
        WorkspaceContent.Builder b = WorkspaceContent.builder();
        for (CaptureRef c : in.captures()) {
            b.capture(new CaptureRef(Path.of(text.scrub(c.path().toString())), c.size(), c.sha256(), c.embedded()));
        }
        in.flows().forEach(f -> b.flow(new FlowRecord(f.id(), f.capture(), flow(f.flow()), f.attribution())));
        in.processes().forEach(p -> b.process(process(p)));
        for (EnrichmentAnswer a : in.enrichment()) {
            b.enrichment(new EnrichmentAnswer(pseudonyms.addressText(a.address()), a.kind(), text.scrub(a.source()), a.timeMillis(),
                    text.scrub(a.json())));
        }
        for (FindingRecord f : in.findings()) {
            b.finding(new FindingRecord(f.detector(), f.severity(), f.score(), text.scrub(f.title()), text.scrub(f.explanation()),
                    f.technique(), f.flows(), text.scrub(f.evidenceJson())));
        }
        in.notes().forEach(n -> b.note(new Note(subject(n.subject()), text.scrub(n.text()), n.updatedMillis())));
        in.tags().forEach(t -> b.tag(new Tag(subject(t.subject()), text.scrub(t.tag()))));
        in.bookmarks().forEach(m -> b.bookmark(new Bookmark(text.scrub(m.name()), m.startNanos(), m.endNanos())));
        in.detectorSettings().forEach((k, v) -> b.detectorSetting(k, text.scrub(v)));
        return b.build();
    }

    private Flow flow(Flow f) {
        FlowKey k = f.key();
        byte[] initiator = pseudonyms.address(f.initiator());
        byte[] responder = pseudonyms.address(f.responder());
        byte[] a = pseudonyms.address(k.addressA());
        byte[] b = pseudonyms.address(k.addressB());
        boolean changed = !Arrays.equals(initiator, f.initiator()) || !Arrays.equals(responder, f.responder());
        List<FlowName> names = f.names().stream().map(n -> new FlowName(pseudonyms.hostName(n.name()), n.source(), n.timeNanos())).toList();
        return new Flow(FlowKey.of(k.protocol(), a, k.portA(), b, k.portB(), k.outerVlan(), k.innerVlan()), initiator, f.initiatorPort(),
                responder, f.responderPort(), f.forward(), f.reverse(), f.firstNanos(), f.lastNanos(), f.tcpState(), f.retransmissions(),
                f.icmpErrors(), changed ? "" : f.communityId(), names, f.portsKnown());
    }

    private ProcessInfo process(ProcessInfo p) {
        String user = p.user().isBlank() || p.user().chars().allMatch(Character::isDigit) ? p.user() : pseudonyms.userName(p.user());
        return new ProcessInfo(p.pid(), p.startTimeMillis(), text.scrub(p.name()), text.scrub(p.exePath()), text.scrub(p.commandLine()),
                user, p.uid(), p.parentPid(), p.executable(), p.source());
    }

    private Subject subject(Subject s) {
        return s.kind() == Subject.Kind.ADDRESS ? Subject.address(pseudonyms.addressText(s.key())) : s;
    }
}
