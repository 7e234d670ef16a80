// Stub transcribed from github.com/supertokens/supertokens-golang
// file recipe/session/claims/claims.go at tag v0.25.2 (commit c9db0d291888e701d85f3cb540631b82741ea869).
// Types verbatim; SessionClaim body replaced by panic("stub"). (Upstream file has no license header.)

package claims

import (
	"github.com/supertokens/supertokens-golang/supertokens"
)

func SessionClaim(key string, fetchValue FetchValueFunc) *TypeSessionClaim {
	panic("stub")
}

type FetchValueFunc func(userId string, tenantId string, userContext supertokens.UserContext) (interface{}, error)

type TypeSessionClaim struct {
	Key                               string
	FetchValue                        FetchValueFunc
	AddToPayload_internal             func(payload map[string]interface{}, value interface{}, userContext supertokens.UserContext) map[string]interface{}
	RemoveFromPayloadByMerge_internal func(payload map[string]interface{}, userContext supertokens.UserContext) map[string]interface{}
	RemoveFromPayload                 func(payload map[string]interface{}, userContext supertokens.UserContext) map[string]interface{}
	GetValueFromPayload               func(payload map[string]interface{}, userContext supertokens.UserContext) interface{}
	GetLastRefetchTime                func(payload map[string]interface{}, userContext supertokens.UserContext) *int64
	Build                             func(userId string, tenantId string, payloadToUpdate map[string]interface{}, userContext supertokens.UserContext) (map[string]interface{}, error)
}

type SessionClaimValidator struct {
	ID            string
	Claim         *TypeSessionClaim
	ShouldRefetch func(payload map[string]interface{}, userContext supertokens.UserContext) bool
	Validate      func(payload map[string]interface{}, userContext supertokens.UserContext) ClaimValidationResult
}

type ClaimValidationResult struct {
	IsValid bool
	Reason  interface{} // This can be nil, add checks when used
}

type ClaimValidationError struct {
	ID     string      `json:"id"`
	Reason interface{} `json:"reason,omitempty"` // This can be nil, add checks when used
}
