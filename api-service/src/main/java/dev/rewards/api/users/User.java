package dev.rewards.api.users;

import java.time.Instant;

/** A registered user. */
public record User(String id, String name, String email, Instant createdAt) {}
