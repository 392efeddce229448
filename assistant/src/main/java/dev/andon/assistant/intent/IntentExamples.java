package dev.andon.assistant.intent;

import java.util.List;
import java.util.Map;

/** Example utterances per intent: the nearest examples (by sentence embedding) vote for a message's intent. */
public final class IntentExamples {
    private IntentExamples() {
    }

    public static Map<Intent, List<String>> defaults() {
        return Map.of(
                Intent.ALERT_HELP, List.of(
                        "what about alert 42?",
                        "what do I do about alert 17",
                        "press-3 on L2 is flagging vibration, what do I do?",
                        "the robot is showing an alarm, what should I do",
                        "there is an alert on station 4, help",
                        "the vision system is flagging defects, what now",
                        "hydraulic pressure is dropping on the press, what do I do",
                        "what should I do about the temperature warning on the coil feeder",
                        "explain alert 5",
                        "who owns alert 12 and what are the steps",
                        "why was this alert raised",
                        "the press is making a knocking noise and the model raised an alert",
                        "I got an alarm on my station, what are the next steps"),
                Intent.KNOWLEDGE, List.of(
                        "how do I change the die on press 3?",
                        "what is the torque for the die clamp bolts?",
                        "how do I lock out the press",
                        "what is the procedure for a quality hold",
                        "how often should I check the oil level",
                        "what PPE do I need in the stamping area",
                        "how do I measure tool wear",
                        "how do I load a new coil",
                        "what does the escalation standard say about on-call",
                        "how do I restart the press after a stop",
                        "what are the steps to change the welding tip",
                        "where do I find the isolation points",
                        "what is the shut height for die D-21",
                        "how do I check the bearing noise on the spindle",
                        "how do I inspect the brush on station 4",
                        "how should I check the hydraulic oil level for leaks"),
                Intent.LINE_STATUS, List.of(
                        "status of L2",
                        "what is open on my line",
                        "how is line 1 doing",
                        "show me the line status",
                        "which stations are down right now",
                        "what alerts are open",
                        "is press 3 running",
                        "give me an overview of L1",
                        "what's going on on line 2",
                        "anything open on the line at the moment"),
                Intent.SHIFT_SUMMARY, List.of(
                        "summarise this shift",
                        "give me a shift summary",
                        "what happened this shift",
                        "prepare the handover report",
                        "recap of the shift so far",
                        "which alerts were raised and resolved this shift",
                        "shift report for L2",
                        "what do I need to tell the next shift",
                        "summarise the last shift on L2",
                        "what was handed over to me"),
                Intent.ONBOARDING, List.of(
                        "onboard me as an operator on L2",
                        "I'm new, what should I read",
                        "reading path for a maintenance technician",
                        "training plan for a new operator on line 1",
                        "what documents should a new team leader read",
                        "I am a new starter on the press line",
                        "help me get started as a quality inspector"),
                Intent.ACKNOWLEDGE, List.of(
                        "acknowledge alert 42",
                        "ack 42",
                        "I'll take alert 7",
                        "mark alert 3 as acknowledged",
                        "I acknowledge the alarm on press 3"),
                Intent.HANDOVER_NOTE, List.of(
                        "add a handover note: coil changed at 10:00",
                        "note for the next shift: brush on station 4 is worn",
                        "log a handover note that the die was replaced",
                        "tell the next shift that press 3 needs a recheck"),
                Intent.HELP, List.of(
                        "hello",
                        "what can you do",
                        "help",
                        "hi there, who are you"));
    }
}
