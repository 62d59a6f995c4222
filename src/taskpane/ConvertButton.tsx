import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { CheckResult } from "../core/check/check";
import { buildConvertedLayout } from "../core/layout/convertLayout";
import { useWorkbook } from "./workbook/Workbook";

/**
 * "Chuyển sang Excel": a checked Word report as the official template sheet, values filled and identity
 * stamped, put where templates go (downloaded as .xlsx on the plain page, a new sheet in Excel).
 */
export function ConvertButton({ result }: { result: Extract<CheckResult, { ok: true }> }) {
  const workbook = useWorkbook();
  const [done, setDone] = useState<string>();
  const convert = async () => {
    const { layout, unmatched } = buildConvertedLayout(result);
    const fileName = `${(result.fileName ?? "bao-cao").replace(/\.[^.]+$/, "")}.xlsx`;
    const t = result.submission.template;
    const message = await workbook.insertTemplate(layout, { fileName, templateName: t.name, rowCount: t.rows.length });
    setDone(
      `${message} Số liệu và ghi chú của đơn vị đã được điền; hãy sửa trong Excel rồi gửi lại.` +
        (unmatched.length ? ` ${unmatched.length} dòng không khớp dòng nào của biểu mẫu nên không được chuyển: ${unmatched.join("; ")}.` : ""),
    );
  };
  return (
    <>
      <Button appearance="secondary" onClick={() => void convert()}>
        Chuyển sang Excel
      </Button>
      {done && (
        <Text size={200} data-testid="convert-done">
          {done}
        </Text>
      )}
    </>
  );
}
