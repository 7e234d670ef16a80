// Stub transcribed from github.com/supertokens/supertokens-golang
// file recipe/thirdparty/main.go at tag v0.25.2 (commit c9db0d291888e701d85f3cb540631b82741ea869).
// Exported signatures verbatim (all exported funcs of the file); bodies replaced by panic("stub").

/* Copyright (c) 2021, VRAI Labs and/or its affiliates. All rights reserved.
 *
 * This software is licensed under the Apache License, Version 2.0 (the
 * "License") as published by the Apache Software Foundation.
 *
 * You may not use this file except in compliance with the License. You may
 * obtain a copy of the License at http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
 * WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
 * License for the specific language governing permissions and limitations
 * under the License.
 */

package thirdparty

import (
	"github.com/supertokens/supertokens-golang/recipe/thirdparty/tpmodels"
	"github.com/supertokens/supertokens-golang/supertokens"
)

func Init(config *tpmodels.TypeInput) supertokens.Recipe {
	panic("stub")
}

func ManuallyCreateOrUpdateUser(tenantId string, thirdPartyID string, thirdPartyUserID string, email string, userContext ...supertokens.UserContext) (tpmodels.ManuallyCreateOrUpdateUserResponse, error) {
	panic("stub")
}

func GetUserByID(userID string, userContext ...supertokens.UserContext) (*tpmodels.User, error) {
	panic("stub")
}

func GetUsersByEmail(tenantId string, email string, userContext ...supertokens.UserContext) ([]tpmodels.User, error) {
	panic("stub")
}

func GetUserByThirdPartyInfo(tenantId string, thirdPartyID, thirdPartyUserID string, userContext ...supertokens.UserContext) (*tpmodels.User, error) {
	panic("stub")
}

func GetProvider(tenantId string, thirdPartyID string, clientType *string, userContext ...supertokens.UserContext) (*tpmodels.TypeProvider, error) {
	panic("stub")
}
