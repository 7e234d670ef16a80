// Stub transcribed from github.com/supertokens/supertokens-golang
// file recipe/session/sessmodels/claims.go at tag v0.25.2 (commit c9db0d291888e701d85f3cb540631b82741ea869).
// Verbatim copy (types only).

package sessmodels

import "github.com/supertokens/supertokens-golang/recipe/session/claims"

type ValidateClaimsResult struct {
	InvalidClaims            []claims.ClaimValidationError
	AccessTokenPayloadUpdate map[string]interface{}
}

type ValidateClaimsResponse struct {
	OK *struct {
		InvalidClaims []claims.ClaimValidationError
	}
	SessionDoesNotExistError *struct{}
}

type GetClaimValueResult struct {
	OK *struct {
		Value interface{}
	}
	SessionDoesNotExistError *struct{}
}
