import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { packageLabel } from "../core/package/package";
import { usePackage } from "./PackageContext";

const useStyles = makeStyles({ badge: { color: tokens.colorNeutralForeground3 } });

/** "Theo: <package> (phiên bản …)" beside a verdict, so a unit and Sở Nội vụ see they use the same package. */
export function PackageBadge() {
  const styles = useStyles();
  const { effective } = usePackage();
  const rules = effective.ruleSet;
  return (
    <Text size={200} className={styles.badge} data-testid="package-badge">
      Theo {packageLabel(effective)}; bộ quy tắc “{rules.name}” {rules.version}.
    </Text>
  );
}
