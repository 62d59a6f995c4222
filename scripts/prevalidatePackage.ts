import { writePrevalidatedPackage } from "../src/adapters/node/packageFiles";

// Run by `npm run build:cli`: the built-in package is validated once here, not at every command.
writePrevalidatedPackage();
