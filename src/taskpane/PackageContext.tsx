import { ReactNode, createContext, useContext, useMemo, useState } from "react";
import { LoadedPackage, parsePackage, serializePackage, withRuleSet } from "../core/package/package";
import { RuleSet } from "../core/rules/schema";
import { builtinPackage } from "./builtinData";
import { PackageStorage, useWorkbook } from "./workbook/Workbook";
import { currentRuleSet, resetRuleSet } from "./ruleSetStore";

export interface PackageState {
  loaded: LoadedPackage;
  /** A province's own package (not the built-in one). */
  custom: boolean;
  /** Why a remembered package was not used. */
  notice?: string;
}

interface PackageApi extends PackageState {
  /** The package as checks use it: with the rule set an officer loaded on its own, if any. */
  effective: LoadedPackage;
  /** Uses and remembers a validated package for this workbook. */
  use(p: LoadedPackage): Promise<void>;
  reset(): Promise<void>;
  /** A rule set loaded on its own replaces the package's (like `--rules`); undefined goes back to the package's. */
  setRules(rs: RuleSet | undefined): void;
}

const Context = createContext<PackageApi | undefined>(undefined);

function remembered(storage: PackageStorage): PackageState {
  let text: string | undefined;
  try {
    text = storage.load();
    if (text) return { loaded: parsePackage(text), custom: true };
  } catch {
    // A remembered package that no longer validates is never half-used: the built-in one is.
    return { loaded: builtinPackage(), custom: false, notice: "Bộ biểu mẫu đã lưu cho sổ làm việc này không còn hợp lệ; đang dùng bộ mặc định." };
  }
  return { loaded: builtinPackage(), custom: false };
}

/** The province package every panel uses: one per workbook, shown with every verdict. */
export function PackageProvider({ children }: { children: ReactNode }) {
  const storage = useWorkbook().packageStorage;
  const [state, setState] = useState(() => remembered(storage));
  const [rules, setRules] = useState(() => (currentRuleSet().custom ? currentRuleSet().ruleSet : undefined));
  const api = useMemo<PackageApi>(
    () => ({
      ...state,
      effective: withRules(state.loaded, rules),
      setRules(rs) {
        if (!rs) resetRuleSet();
        setRules(rs);
      },
      async use(p) {
        await storage.save(serializePackage(p));
        setState({ loaded: p, custom: true });
      },
      async reset() {
        await storage.save(undefined);
        setState({ loaded: builtinPackage(), custom: false });
      },
    }),
    [state, storage, rules],
  );
  return <Context.Provider value={api}>{children}</Context.Provider>;
}

function withRules(p: LoadedPackage, rules: RuleSet | undefined): LoadedPackage {
  if (!rules) return p;
  try {
    return withRuleSet(p, rules);
  } catch {
    // A rule set naming indicators this package lacks is not used (it was checked when loaded).
    return p;
  }
}

export function usePackage(): PackageApi {
  const api = useContext(Context);
  if (!api) throw new Error("PackageProvider is missing");
  return api;
}
