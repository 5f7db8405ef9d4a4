// Validates a manifest against the Office add-in XSDs with libxml2 (wasm), offline.
// Usage: node validate-manifest.mjs <schema-dir> <manifest.xml>  → prints {"valid":bool,"errors":[...]}
// A separate process because libxml2-wasm is an ES module that Jest's CommonJS runtime cannot load.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { XmlDocument, XsdValidator } from "libxml2-wasm";
import { xmlRegisterFsInputProviders } from "libxml2-wasm/lib/nodejs.mjs";

const [schemaDir, manifestPath] = process.argv.slice(2);
xmlRegisterFsInputProviders(); // so that xs:import of the other schema files resolves from disk
const schemaPath = resolve(join(schemaDir, "OfficeAppManifestV1_1.xsd"));
const schemaDoc = XmlDocument.fromBuffer(readFileSync(schemaPath), { url: pathToFileURL(schemaPath).href });
const validator = XsdValidator.fromDoc(schemaDoc);
let result;
try {
  const manifest = XmlDocument.fromBuffer(readFileSync(manifestPath), { url: pathToFileURL(resolve(manifestPath)).href });
  try {
    validator.validate(manifest);
    result = { valid: true, errors: [] };
  } catch (error) {
    result = { valid: false, errors: (error.details ?? [{ message: error.message }]).map((d) => `${d.line ?? ""}: ${d.message.trim()}`) };
  } finally {
    manifest.dispose();
  }
} catch (error) {
  result = { valid: false, errors: [`not well-formed: ${error.message}`] };
}
validator.dispose();
schemaDoc.dispose();
process.stdout.write(JSON.stringify(result));
