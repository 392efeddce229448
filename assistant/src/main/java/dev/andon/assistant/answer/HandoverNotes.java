package dev.andon.assistant.answer;

import dev.andon.assistant.intent.Intent;
import dev.andon.assistant.text.PlainText;
import dev.andon.core.error.ForbiddenException;
import dev.andon.core.handover.HandoverNote;
import dev.andon.core.identity.Principal;
import dev.andon.core.handover.HandoverNoteStore;
import dev.andon.core.plant.Shift;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Add a handover note: …" — stores the note for the line and the current shift, as plain text, by the asker. */
public final class HandoverNotes {
    public static final int MAX_NOTE = 1000;
    private static final Pattern NOTE_TEXT = Pattern.compile(
            "(?is)(?:handover note|hand-over note|hand over note|note for (?:the )?next shift|tell the next shift|"
                    + "add (?:a )?note|log (?:a )?note|leave (?:a )?note|nota di consegna)"
                    + "(?:\\s+(?:for|on)\\s+(?:line\\s+)?L?\\d+)?\\s*(?::|-|that|saying|:\\s*that)?\\s*(.*)$");

    private final HandoverNoteStore notes;
    private final ShiftContacts contacts;
    private final PlantTime time;

    public HandoverNotes(HandoverNoteStore notes, ShiftContacts contacts, PlantTime time) {
        this.notes = notes;
        this.contacts = contacts;
        this.time = time;
    }

    /** The note text in a message such as "add a handover note for L2: coil changed", or null. */
    public static String noteText(String message) {
        Matcher m = NOTE_TEXT.matcher(message.strip());
        if (!m.find()) {
            return null;
        }
        String text = PlainText.clean(m.group(1)).strip();
        return text.isEmpty() ? null : text;
    }

    public Reply add(String line, String text, Principal by) {
        ReplyDraft d = new ReplyDraft(Intent.HANDOVER_NOTE);
        if (line == null) {
            return d.line("For which line? Say for example \"add a handover note for L2: coil changed at 10:00\".").build();
        }
        String clean = text == null ? null : PlainText.clean(text).strip();
        if (clean == null || clean.isEmpty()) {
            return d.line("What should the note say? Say for example \"add a handover note: die D-21 fitted, first part OK\".").build();
        }
        if (clean.length() > MAX_NOTE) {
            return d.line("That note is " + clean.length() + " characters; a handover note can be at most " + MAX_NOTE + ". Please shorten it.").build();
        }
        String shift = contacts.currentShift().map(Shift::id).orElse("none");
        HandoverNote note;
        try {
            note = notes.add(by, line, shift, clean, time.now());
        } catch (ForbiddenException e) {
            // The permission is the policy's; the chat only says it.
            return d.line("I cannot add that note: " + e.getMessage() + ".").build();
        }
        return d.line("Handover note " + note.id() + " added for " + line + " (" + contacts.shiftName() + ") by " + by.id()
                + " at " + time.time(note.at()) + ": \"" + PlainText.echo(clean, MAX_NOTE) + "\". It will be in the shift handover.").build();
    }
}
