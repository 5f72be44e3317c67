package dev.rewards.api.holds;

/** Body of a void: nothing to say but that the hold is given up ({@code {}}). */
public record VoidRequest() {}
