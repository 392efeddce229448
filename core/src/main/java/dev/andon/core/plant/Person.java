package dev.andon.core.plant;

import java.time.LocalDate;
import java.util.List;

/** Someone who can be assigned work; roles say what they may own, qualifications what they may touch. */
public record Person(String id, String name, List<String> roles, List<Qualification> qualifications, String contact) {
    public Person {
        roles = roles == null ? List.of() : List.copyOf(roles);
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
    }

    public boolean hasRole(String roleId) {
        return roles.contains(roleId);
    }

    public boolean qualifiedFor(String subject, LocalDate day) {
        return qualifications.stream().anyMatch(q -> q.qualifiesOn(subject, day));
    }
}
