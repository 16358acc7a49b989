import { MAX_TIMER_MS, onDeadline } from './deadline';

describe('onDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fires at a deadline 30 days away, past what one setTimeout holds, and not before', () => {
    const fire = jest.fn();
    onDeadline(Date.now() + 30 * 86_400_000, fire);
    jest.advanceTimersByTime(MAX_TIMER_MS);
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(30 * 86_400_000 - MAX_TIMER_MS - 1);
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(MAX_TIMER_MS);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('fires at once for a deadline already passed, and never once cancelled', () => {
    const passed = jest.fn();
    onDeadline(Date.now() - 1000, passed);
    jest.advanceTimersByTime(0);
    expect(passed).toHaveBeenCalledTimes(1);

    const cancelled = jest.fn();
    const cancel = onDeadline(Date.now() + 30 * 86_400_000, cancelled);
    jest.advanceTimersByTime(MAX_TIMER_MS);
    cancel();
    jest.advanceTimersByTime(30 * 86_400_000);
    expect(cancelled).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);
  });
});
