import { OFFICE_READY_MS, officeHostInfo, readyWithin } from "../../src/taskpane/host";
import { liveUndoNote, officeUnavailable } from "../../src/taskpane/workbook/excelWorkbook";

describe("host decided at once from what Office passes the page", () => {
  const plain = { search: "", windowName: "" };

  it("a plain web page is not inside Office", () => {
    expect(officeHostInfo(plain)).toBeUndefined();
    expect(officeHostInfo({ ...plain, search: "?x=1&host_Info=Excel" })).toBeUndefined();
    expect(officeHostInfo({ ...plain, windowName: "not json" })).toBeUndefined();
    expect(officeHostInfo({ ...plain, windowName: '{"other":1}' })).toBeUndefined();
    expect(officeHostInfo({ ...plain, sessionHostInfo: null, externalHostInfo: "" })).toBeUndefined();
  });

  it("Excel on Windows and Mac: _host_Info in the query string", () => {
    expect(officeHostInfo({ ...plain, search: "?_host_Info=Excel$Win32$16.01$vi-VN$$$$0" })).toBe("Excel$Win32$16.01$vi-VN$$$$0");
    expect(officeHostInfo({ ...plain, search: "?et=&_host_Info=Excel|Mac|16.00|vi-VN#x" })).toBe("Excel|Mac|16.00|vi-VN");
  });

  it("Excel on the web: host information in window.name; after a reload: office.js's session copy", () => {
    expect(officeHostInfo({ ...plain, windowName: '{"hostInfo":"Excel|Web|16.00|vi-VN|abc"}' })).toBe("Excel|Web|16.00|vi-VN|abc");
    expect(officeHostInfo({ ...plain, sessionHostInfo: "Excel|Web|16.00" })).toBe("Excel|Web|16.00");
    expect(officeHostInfo({ ...plain, externalHostInfo: "Excel$Win32$16.01" })).toBe("Excel$Win32$16.01");
  });
});

describe("start-up when Office.onReady() never resolves (a filter lets office.js through, blocks what it loads)", () => {
  afterEach(() => jest.useRealTimers());

  it("gives up after the timeout instead of leaving a blank pane, and says in Vietnamese what to allow", async () => {
    jest.useFakeTimers();
    const never = new Promise<{ host: string }>(() => undefined);
    const ready = readyWithin(never, OFFICE_READY_MS);
    jest.advanceTimersByTime(OFFICE_READY_MS);
    await expect(ready).resolves.toBeUndefined();
    const pane = officeUnavailable("https://cchc.example.gov.vn/addin/taskpane.html", "start");
    expect(pane.unsupported).toMatch(/không khởi động được sau 20 giây/);
    expect(pane.unsupported).toContain("appsforoffice.microsoft.com, *.officeapps.live.com");
    expect(pane.unsupported).toContain("https://cchc.example.gov.vn/addin/taskpane.html");
  });

  it("passes Office's answer through when it comes in time", async () => {
    await expect(readyWithin(Promise.resolve({ host: "Excel" }), OFFICE_READY_MS)).resolves.toEqual({ host: "Excel" });
  });
});

describe("live mode says what it does to Undo", () => {
  it("before ExcelApi 1.19 the undo list is lost at each colouring; from 1.19 each colouring is an undo step", () => {
    expect(liveUndoNote(false)).toMatch(/xóa danh sách Hoàn tác \(Ctrl\+Z\)/);
    expect(liveUndoNote(true)).toMatch(/một bước Hoàn tác/);
    for (const note of [liveUndoNote(false), liveUndoNote(true)]) expect(note).toContain("“Xóa đánh dấu”");
  });
});
