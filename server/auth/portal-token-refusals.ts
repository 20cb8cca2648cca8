import { errors } from 'jose';
import { ApiError } from '../lib/errors.js';

const refused = (code: string, message: string) => new ApiError(401, code, message);

/**
 * Why jose refused a portal token, as a 401 whose code a portal's developer can act on. Anything
 * jose did not decide (the JWKS could not be fetched) is the issuer's outage, not a bad token.
 */
export function refusalOf(err: unknown): ApiError {
  if (err instanceof errors.JWTExpired) return refused('token_expired', 'The portal’s token has expired; get a fresh one from the portal.');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === 'missing') return refused('token_claim_missing', `The token has no "${err.claim}" claim.`);
    switch (err.claim) {
      case 'nbf':
        return refused('token_not_yet_valid', 'The token is not valid yet (nbf); check the clocks of the portal’s issuer and this server.');
      case 'aud':
        return refused('token_wrong_audience', 'The token was issued for another audience than FLOORVIEW_OIDC_AUDIENCE.');
      case 'iss':
        return refused('token_wrong_issuer', 'The token was issued by another issuer than FLOORVIEW_OIDC_ISSUER.');
      default:
        return refused('token_invalid', `The token's "${err.claim}" claim is refused: ${err.message}.`);
    }
  }
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) {
    return refused('token_algorithm_refused', 'The token’s signing algorithm is refused: only asymmetric signatures (RS, PS, ES, EdDSA) are accepted.');
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return refused('token_bad_signature', 'The token’s signature does not verify.');
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) {
    return refused('token_unknown_key', 'The token is signed with a key the issuer does not publish (unknown kid).');
  }
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return refused('token_malformed', 'The bearer token is not a well-formed JWT.');
  return refused('issuer_unavailable', `The issuer’s keys could not be fetched: ${err instanceof Error ? err.message : String(err)}.`);
}
