import { debounce } from "../src/taskpane/debounce";

describe("re-checking while the officer types", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("waits for a pause and runs once", () => {
    const fn = jest.fn();
    const d = debounce(fn, 1500);
    d.call();
    jest.advanceTimersByTime(1000);
    d.call();
    jest.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
    jest.advanceTimersByTime(600);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("does nothing once cancelled", () => {
    const fn = jest.fn();
    const d = debounce(fn, 100);
    d.call();
    d.cancel();
    jest.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
  });
});
