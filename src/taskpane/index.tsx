import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";

void detectHost().then((host) => {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App host={host} />);
});
