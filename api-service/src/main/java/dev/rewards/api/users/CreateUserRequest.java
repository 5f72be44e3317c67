package dev.rewards.api.users;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /rewards/create-user}. */
public record CreateUserRequest(
    @Schema(example = "john123") @NotNull @Pattern(regexp = UserIds.PATTERN) String id,
    @Schema(example = "John Doe") @NotBlank @Size(max = 200) String name,
    @Schema(example = "john@example.com") @NotBlank @Size(max = 254) @Email String email) {}
