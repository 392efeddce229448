package dev.andon.assistant.intent;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides what a message asks for. Unambiguous phrasings (an alert number, "acknowledge", "onboard me", a yes/no to a
 * pending confirmation) are settled by patterns; everything else by the nearest example utterances in embedding space,
 * nudged by keyword patterns. Short continuations ("and station 4?") repeat the previous intent. Only the user's own
 * message is ever classified — never document or alert text — so nothing quoted from a source can start an action.
 */
public final class IntentRecognizer {
    private static final Pattern CONFIRM = Pattern.compile(
            "^(yes|y|yep|yeah|ok|okay|sure|confirm(ed)?|i confirm|go ahead|do it|please do|s[iì])"
                    + "([\\s,.!]+(please|confirm(ed)?|acknowledge( it)?|do it|go ahead|thanks?|thank you|yes))*[\\s.!]*$");
    private static final Pattern CANCEL = Pattern.compile(
            "^(no|n|nope|cancel|abort|stop|don'?t|do not|never ?mind|not now)([\\s,.!]+(thanks?|thank you|cancel|no))*[\\s.!]*$");
    private static final Pattern ACK_VERB = Pattern.compile(
            "\\b(ack|acknowledge|acknowledging|i'?ll take|i will take|take ownership|prendo in carico)\\b|\\bmark\\b.*\\backnowledged\\b");
    private static final Pattern HOW_QUESTION = Pattern.compile(
            "^(how|what|why|when|who|where)\\b.*\\b(do|does|can|should|is|are)\\b|^(how|what does|why)\\b"
                    // "as team leader, how do I acknowledge…" asks how, wherever the question starts
                    + "|\\bhow (do|can|should|would) (i|we|you)\\b|\\bhow to\\b");
    private static final Pattern NOTE = Pattern.compile(
            "\\b(handover note|hand-over note|hand over note|note for (the )?next shift|tell the next shift|"
                    + "add (a )?note|log (a )?note|leave (a )?note|nota di consegna)\\b");
    private static final Pattern SUMMARY_VERB = Pattern.compile(
            "\\b(summar(y|ise|ize|ising|izing)|recap|report|what happened|wrap[- ]?up|riepilogo)\\b");
    private static final Pattern SHIFT_WORD = Pattern.compile("\\b(shift|handover|hand-over|today|so far|turno)\\b");
    private static final Pattern HANDED_OVER = Pattern.compile(
            "\\b(handed over|handed to me|handover (for|to) me|my handover|what did i (get|receive) from the (last|previous) shift)\\b");
    private static final Pattern ONBOARD = Pattern.compile(
            "\\b(onboard|onboarding|reading (path|list|plan)|training (path|plan)|"
                    + "i'?m new|i am new|what should i read|where do i start|get started as)\\b");
    /**
     * "A new starter" is someone to onboard only when the message is about reading or learning, or the asker is the
     * new one; "how do I put a new starter on the rota" is not a request for a reading path.
     */
    private static final Pattern NEW_PERSON = Pattern.compile("\\bnew (starter|hire|joiner|colleague)s?\\b");
    private static final Pattern STATUS = Pattern.compile(
            "\\b(status|overview|what'?s (open|going on|happening|up)|what is (open|going on|happening)|open alerts|"
                    + "which stations|running|stopped|is .* down|how is (line|l\\d)|stato)\\b");
    private static final Pattern PROBLEM = Pattern.compile(
            "\\b(flag(s|ging|ged)?|alarm|alert|warning|vibrat\\w*|nois\\w*|knock\\w*|leak\\w*|fault\\w*|error|"
                    + "overheat\\w*|hot|temperature|pressure|dropp\\w*|stuck|jam\\w*|broken|defect\\w*|reject\\w*|"
                    + "what (do|should) (i|we) do|what now|next steps?)\\b");
    private static final Pattern HOW_TO = Pattern.compile(
            "\\b(how (do|can|should|to)|procedure|instruction|torque|steps to|what is the|what are the|where (is|do)|"
                    + "ppe|standard|sop|come (si|faccio|posso|devo)|qual è|quali sono|cosa devo)\\b");
    private static final Pattern ON_SHIFT = Pattern.compile(
            "\\bwho\\b.*\\b(on shift|on duty|on call|on-call|team ?leader|in charge|leads?|working|maintenance|quality|"
                    + "operator|supervisor|to (ask|call)|rostered)\\b|\\bwho('s| is) (on|here|around)\\b|\\bchi (è|c'è) di turno\\b");
    private static final Pattern TRAINING = Pattern.compile(
            "\\b(left on my (path|training)|my (training|onboarding) (path|progress)|on my path|what'?s next on my|"
                    + "re-?certif\\w*|recertif\\w*|qualifications? (expir|laps)\\w*)\\b"
                    + "|\\bwho\\b.*\\b(can do|can run|can operate|is qualified|are qualified|qualified (for|on|to))\\b"
                    + "|\\bwho\\b.*\\b(lock[- ]?out|loto)\\b");
    private static final Pattern READING = Pattern.compile(
            "\\b(read|reading|learn|learning|train|training|start|started|onboard\\w*|documents?)\\b"
                    + "|\\b(i'?m|i am)( a)? new\\b");
    /** What a shift summary reports: without one of these, "my shift" alone ("swap my shift") asks for no summary. */
    private static final Pattern SHIFT_EVENTS = Pattern.compile(
            "\\b(alerts?|alarms?|stops?|stopped|stoppages?|down|downtime|oee|happen\\w*|went|go(ing)?|handover|hand-over|"
                    + "open|closed|resolved|raised|incidents?|problems?|issues?|output|produced)\\b");
    private static final Pattern HELP = Pattern.compile(
            "^(hi|hello|hey|ciao|help|help me|what can you do|who are you|hi there|good (morning|afternoon|evening))[\\s!?.]*$");
    private static final Pattern CONTINUATION = Pattern.compile(
            "^(and|also|plus|what about|how about|same for|same on|and what about|and for|and on|e|and the)\\b");

    /** A question about something ("can the handover note be edited…?"), not an order to do it. */
    private static final Pattern ASKS = Pattern.compile(
            "^(can|could|may|must|is|are|was|were|does|do|did|should|who|what|when|where|why|how)\\b[^:]*$|^[^:]*\\?$");
    /** The shift summary is asked for in these words, not just by mentioning a shift ("8 hr shift, what's the max noise"). */
    private static final Pattern THIS_SHIFT = Pattern.compile("\\b(this|current|my|our|last|the) shift\\b(?!\\s+(start|change))|\\bso far\\b");

    /** Words that ask for line status even without naming a line; "running" alone ("when running the lathe") does not. */
    private static final Pattern STATUS_ASKED = Pattern.compile(
            "\\b(status|overview|open alerts|what'?s (open|going on|happening)|what is (open|going on|happening)|"
                    + "which stations|anything (open|down)|on the line|stato)\\b");

    private final EmbeddingIntentClassifier classifier;

    /** {@code classifier} may be null: patterns alone then decide, with knowledge questions as the default. */
    public IntentRecognizer(EmbeddingIntentClassifier classifier) {
        this.classifier = classifier;
    }

    public Recognition recognize(String message, Mentions m, Intent previous, boolean confirmationPending) {
        String text = message.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        if (CONFIRM.matcher(text).matches()) {
            return new Recognition(Intent.CONFIRM, false, "pattern", 1);
        }
        if (confirmationPending && CANCEL.matcher(text).matches()) {
            return new Recognition(Intent.CANCEL, false, "pattern", 1);
        }
        if (HELP.matcher(text).matches()) {
            return new Recognition(Intent.HELP, false, "pattern", 1);
        }
        boolean howQuestion = HOW_QUESTION.matcher(text).find();
        if (ACK_VERB.matcher(text).find() && !howQuestion) {
            return new Recognition(Intent.ACKNOWLEDGE, false, "pattern", 1);
        }
        if (NOTE.matcher(text).find() && !howQuestion && !ASKS.matcher(text).find()) {
            return new Recognition(Intent.HANDOVER_NOTE, false, "pattern", 1);
        }
        if (TRAINING.matcher(text).find() && m.alertId() == null) {
            return new Recognition(Intent.TRAINING, false, "pattern", 1);
        }
        if (ON_SHIFT.matcher(text).find() && m.alertId() == null) {
            return new Recognition(Intent.ON_SHIFT, false, "pattern", 1);
        }
        if (ONBOARD.matcher(text).find() || NEW_PERSON.matcher(text).find() && READING.matcher(text).find()) {
            return new Recognition(Intent.ONBOARDING, false, "pattern", 1);
        }
        if (SUMMARY_VERB.matcher(text).find() && SHIFT_WORD.matcher(text).find() || HANDED_OVER.matcher(text).find()) {
            return new Recognition(Intent.SHIFT_SUMMARY, false, "pattern", 1);
        }
        if (m.alertId() != null) {
            return new Recognition(Intent.ALERT_HELP, false, "pattern", 1);
        }
        int words = text.split(" ").length;
        boolean namesSomething = m.line() != null || m.station() != null || m.unknownLine() != null
                || m.unknownStation() != null;
        if (previous != null && previous.continuable() && namesSomething && words <= 8
                && (CONTINUATION.matcher(text).find() || words <= 3)) {
            return new Recognition(previous, true, "follow-up", 1);
        }

        Map<Intent, Double> score = new EnumMap<>(Intent.class);
        if (classifier != null) {
            score.putAll(classifier.scores(message));
        }
        score.remove(Intent.ACKNOWLEDGE);
        score.remove(Intent.HANDOVER_NOTE);
        boolean problem = PROBLEM.matcher(text).find();
        if (problem && (m.station() != null || m.unknownStation() != null) && !text.startsWith("how ") && !text.startsWith("come ")) {
            score.merge(Intent.ALERT_HELP, 0.25, Double::sum);
        }
        if (HOW_TO.matcher(text).find()) {
            score.merge(Intent.KNOWLEDGE, 0.25, Double::sum);
        }
        if (text.startsWith("how ") || text.startsWith("come ")) {
            // "how do I check the noise on station 4" asks for the procedure, not for the alert there
            score.merge(Intent.KNOWLEDGE, 0.15, Double::sum);
        }
        if (STATUS.matcher(text).find()) {
            score.merge(Intent.LINE_STATUS, 0.25, Double::sum);
        }
        if (SUMMARY_VERB.matcher(text).find()) {
            score.merge(Intent.SHIFT_SUMMARY, 0.15, Double::sum);
        }
        // embedding similarities below 0.3 are noise; without embeddings any keyword signal counts
        double floor = classifier != null ? 0.3 : 0.0;
        Intent best = Intent.KNOWLEDGE;
        double bestScore = floor;
        for (Map.Entry<Intent, Double> e : score.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        String via = bestScore == floor ? "default" : classifier != null ? "embedding" : "pattern";
        if (best == Intent.HELP && words > 6) {
            best = Intent.KNOWLEDGE;
        }
        // a reading path is only what someone asked for when they speak of reading, learning or starting
        if (best == Intent.ONBOARDING && !READING.matcher(text).find()) {
            best = Intent.KNOWLEDGE;
        }
        // a summary is asked for in so many words, or as what happened on this shift; "at the start of shift", "8 hr
        // shift" or "swap my shift" is a question for the documents
        if (best == Intent.SHIFT_SUMMARY && !SUMMARY_VERB.matcher(text).find()
                && !(THIS_SHIFT.matcher(text).find() && SHIFT_EVENTS.matcher(text).find())) {
            best = Intent.KNOWLEDGE;
        }
        // line status is about the plant's own lines: without a line or station named, or a status word, a general
        // shop question ("which drill bit…", "who checks…") goes to the documents, never to "Which line?"
        if (best == Intent.LINE_STATUS && !STATUS_ASKED.matcher(text).find() && !namesSomething && !m.myLine()) {
            best = Intent.KNOWLEDGE;
        }
        // an alert question needs something to point at; without a station it is a question for the documents
        if (best == Intent.ALERT_HELP && m.station() == null && m.unknownStation() == null) {
            best = Intent.KNOWLEDGE;
        }
        return new Recognition(best, false, via, bestScore);
    }
}
