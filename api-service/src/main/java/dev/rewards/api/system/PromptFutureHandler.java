package dev.rewards.api.system;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Answers a controller's {@link CompletableFuture} on the request thread when it completes within a
 * short wait, as if the controller had returned its value; one that takes longer, or fails, is
 * answered asynchronously as Spring MVC always does.
 *
 * <p>Spring MVC answers every future asynchronously: it releases the request thread, and when the
 * future completes it dispatches the request a second time through the container, the whole filter
 * chain (Spring Security's included) and the dispatcher servlet, only to write the value. A command
 * is acknowledged by the broker within a few milliseconds, so that second pass cost more than the
 * wait it saved: about a third of the service's processor time per accepted earn (profiled,
 * docs/benchmarks.md). The wait is bounded so that a slow broker or ledger holds a request thread
 * no longer than that before the request goes asynchronous.
 */
final class PromptFutureHandler implements HandlerMethodReturnValueHandler {

  /** Spring MVC's own handlers: for the future itself, or for the value it completed with. */
  private final HandlerMethodReturnValueHandlerComposite standard;

  private final long waitNanos;

  private PromptFutureHandler(HandlerMethodReturnValueHandlerComposite standard, Duration wait) {
    this.standard = standard;
    this.waitNanos = wait.toNanos();
  }

  /**
   * Puts this handler first, for controller methods declared to return a {@link CompletableFuture};
   * what it does not answer goes to the handler Spring MVC would have chosen.
   */
  static void install(RequestMappingHandlerAdapter adapter, Duration wait) {
    List<HandlerMethodReturnValueHandler> handlers = adapter.getReturnValueHandlers();
    if (handlers == null || wait.isZero() || wait.isNegative()) {
      return;
    }
    HandlerMethodReturnValueHandlerComposite standard =
        new HandlerMethodReturnValueHandlerComposite().addHandlers(handlers);
    List<HandlerMethodReturnValueHandler> installed = new ArrayList<>();
    installed.add(new PromptFutureHandler(standard, wait));
    installed.addAll(handlers);
    adapter.setReturnValueHandlers(installed);
  }

  @Override
  public boolean supportsReturnType(MethodParameter returnType) {
    return CompletableFuture.class.isAssignableFrom(returnType.getParameterType());
  }

  @Override
  public void handleReturnValue(
      Object returnValue,
      MethodParameter returnType,
      ModelAndViewContainer container,
      NativeWebRequest request)
      throws Exception {
    if (returnValue instanceof CompletableFuture<?> future && completedWithin(future)) {
      Object value = future.join();
      standard.handleReturnValue(value, new ValueOf(returnType, value), container, request);
      return;
    }
    standard.handleReturnValue(returnValue, returnType, container, request);
  }

  /** True when the future completed normally within the wait. */
  private boolean completedWithin(CompletableFuture<?> future) {
    try {
      future.get(waitNanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false; // still running, or failed: the asynchronous path answers both as before
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The controller method's return type seen through the future: what its value is declared as
   * ({@code ResponseEntity<Object>}, a body record), so the handler for that type writes it as it
   * would write the asynchronous result.
   */
  private static final class ValueOf extends MethodParameter {

    private final Object value;
    private final ResolvableType declared;

    ValueOf(MethodParameter futureType, Object value) {
      super(futureType);
      this.value = value;
      this.declared = ResolvableType.forMethodParameter(futureType).getGeneric();
    }

    private ValueOf(ValueOf original) {
      super(original);
      this.value = original.value;
      this.declared = original.declared;
    }

    @Override
    public Class<?> getParameterType() {
      return value != null ? value.getClass() : declared.toClass();
    }

    @Override
    public Type getGenericParameterType() {
      return declared.getType();
    }

    @Override
    public ValueOf clone() {
      return new ValueOf(this);
    }
  }
}
