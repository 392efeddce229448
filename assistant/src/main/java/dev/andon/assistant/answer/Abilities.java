package dev.andon.assistant.answer;

import dev.andon.assistant.intent.PlantEntityExtractor;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AlertStore;

/**
 * Everything the assistant can do, shared by the offline responder and the language model's tools so both give the
 * same facts: explain alerts, answer from documents, report line status and shifts, build reading paths, answer training and skills questions (when the training engine is wired), propose
 * acknowledgements and add handover notes.
 */
public record Abilities(Plant plant, PlantEntityExtractor extractor, AlertStore alerts, AlertHelp alertHelp,
                        KnowledgeAnswerer knowledge, LineStatusReport lineStatus, ShiftSummaryReport shiftSummary,
                        OnboardingPath onboarding, OnShiftReport onShift, Acknowledgements acknowledgements,
                        HandoverNotes handoverNotes,
                        ShiftContacts contacts, PlantTime time, SourceQuotes quotes, TrainingAnswers training) {
}
