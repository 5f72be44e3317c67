package dev.rewards.api.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registers users; synchronous, because a user must exist before points can be earned. */
@RestController
@Tag(name = "Users")
class UserController {

  private final UserStore users;
  private final Clock clock;

  UserController(UserStore users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @PostMapping("/rewards/create-user")
  @Operation(
      summary = "Create a user",
      description = "201 with the user; 409 if id or email is taken")
  ResponseEntity<User> create(@Valid @RequestBody CreateUserRequest request) {
    User user =
        new User(
            request.id(),
            request.name().strip(),
            request.email().strip(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    users.create(user);
    return ResponseEntity.created(URI.create("/rewards/points/" + user.id())).body(user);
  }
}
