// Verifies a Kalan Open Badge with Digital Bazaar's libraries, an implementation Kalan did not
// write (test only). Reads {"credential": …, "documents": {url: document}} on stdin and
// prints one JSON verdict: {"verified", "proof", "status", "revoked", "errors"}.
//
// The document loader serves ONLY the JSON-LD contexts bundled with Kalan (read from
// certificates/openbadges/contexts/, the directory given as argv[2]) and the documents passed
// in (Kalan's issuer profile and status lists, fetched by the test from Kalan itself). Any
// other URL is refused: nothing is fetched from the network. A key id `<profile>#cle-1` is
// dereferenced in the profile, as a resolver of a controlled identifier document does.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';

const CONTEXT_FILES = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-context-3.0.3.json',
  'https://w3id.org/security/v1': 'security-v1.jsonld',
  'https://w3id.org/security/v2': 'security-v2.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
};

function loaderFor(contextsDir, documents) {
  const contexts = {};
  for(const [url, file] of Object.entries(CONTEXT_FILES)) {
    contexts[url] = JSON.parse(readFileSync(join(contextsDir, file), 'utf8'));
  }
  const loaded = [];
  const documentLoader = async url => {
    loaded.push(url);
    if(url in contexts) {
      return {contextUrl: null, documentUrl: url, document: structuredClone(contexts[url])};
    }
    const [base, fragment] = url.split('#');
    const document = documents[base];
    if(document === undefined) {
      throw new Error(`URL refused by the test loader: ${url}`);
    }
    if(fragment === undefined) {
      return {contextUrl: null, documentUrl: url, document: structuredClone(document)};
    }
    // A key: the verification method of that id, with its document's @context.
    const methods = [].concat(document.verificationMethod || []);
    const method = methods.find(m => m && m.id === url);
    if(!method) {
      throw new Error(`No verification method ${url} in ${base}`);
    }
    return {
      contextUrl: null,
      documentUrl: url,
      document: {'@context': document['@context'], ...structuredClone(method)},
    };
  };
  return {documentLoader, loaded};
}

function messages(error) {
  const out = [];
  const walk = e => {
    if(!e) {
      return;
    }
    if(Array.isArray(e)) {
      e.forEach(walk);
      return;
    }
    out.push(String(e.message || e));
    walk(e.errors);
    walk(e.cause);
  };
  walk(error);
  return out;
}

async function main() {
  const contextsDir = process.argv[2];
  const input = JSON.parse(readFileSync(0, 'utf8'));
  const {documentLoader, loaded} = loaderFor(contextsDir, input.documents || {});
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  let revoked = null;
  // checkStatus answers "verified" when the list was fetched and verified; the bit itself is
  // in results[].status (true = revoked), which a verifier must read.
  const statusChecker = async options => {
    const result = await checkStatus({...options, suite, documentLoader});
    if(result.verified) {
      revoked = result.results.some(r => r.status === true);
      if(revoked) {
        return {verified: false, results: result.results,
          error: new Error('credential revoked (status list bit set)')};
      }
    }
    return result;
  };
  const started = process.hrtime.bigint();
  // The default purpose (CredentialIssuancePurpose) checks that the key is an
  // assertionMethod of its controller AND that the controller is the credential's issuer.
  const result = await vc.verifyCredential({
    credential: input.credential,
    suite,
    documentLoader,
    checkStatus: statusChecker,
  });
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const proofOk = Array.isArray(result.results) && result.results.length > 0 &&
    result.results.every(r => r.verified);
  const verdict = {
    verified: result.verified === true,
    proof: proofOk,
    status: result.statusResult ? result.statusResult.verified === true : null,
    revoked,
    errors: messages(result.error).concat(
      messages(result.statusResult && result.statusResult.error)),
    loaded: [...new Set(loaded)],
    elapsed_ms: Math.round(elapsedMs),
  };
  process.stdout.write(JSON.stringify(verdict) + '\n');
}

main().catch(error => {
  process.stdout.write(JSON.stringify({verified: false, crash: messages(error)}) + '\n');
  process.exitCode = 1;
});
