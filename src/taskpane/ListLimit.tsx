import { Button } from "@fluentui/react-components";
import { ReactNode, useState } from "react";

/** Lines a long list shows at first and adds per click. */
export const LIST_STEP = 100;

/**
 * A long list's first lines, and a button that shows more: a province's 500 lines would cost the pane a
 * long layout on every change, and the officer a long scroll (the workbook's status sheet has them all).
 */
export function useListLimit(length: number, step = LIST_STEP): { limit: number; more: ReactNode } {
  const [limit, setLimit] = useState(step);
  const left = length - limit;
  const more =
    left > 0 ? (
      <Button size="small" onClick={() => setLimit(limit + step)} data-testid="list-more">
        {left <= step ? `Hiện ${left} dòng còn lại` : `Hiện thêm ${step} dòng (còn ${left} dòng chưa hiện)`}
      </Button>
    ) : null;
  return { limit, more };
}
