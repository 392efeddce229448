package dev.andon.knowledge;

/**
 * A knowledge-base query. Null filters mean "any"; {@code role}/{@code line}/{@code station} keep documents written for
 * that role/line/station plus documents that apply to all. {@code k} is the number of hits wanted.
 */
public record SearchRequest(String query, String role, String line, String station, String type, String language, int k) {
    public static SearchRequest of(String query, int k) {
        return new SearchRequest(query, null, null, null, null, null, k);
    }
}
