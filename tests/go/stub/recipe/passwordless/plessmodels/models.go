// Stub transcribed from github.com/supertokens/supertokens-golang
// file recipe/passwordless/plessmodels/models.go at tag v0.25.2 (commit c9db0d291888e701d85f3cb540631b82741ea869).
// Verbatim copy (types only).

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

package plessmodels

import (
	"github.com/supertokens/supertokens-golang/ingredients/emaildelivery"
	"github.com/supertokens/supertokens-golang/ingredients/smsdelivery"
	"github.com/supertokens/supertokens-golang/supertokens"
)

type User struct {
	ID          string   `json:"id"`
	Email       *string  `json:"email"`
	PhoneNumber *string  `json:"phoneNumber"`
	TimeJoined  uint64   `json:"timeJoined"`
	TenantIds   []string `json:"tenantIds"`
}

type TypeInput struct {
	ContactMethodPhone        ContactMethodPhoneConfig
	ContactMethodEmail        ContactMethodEmailConfig
	ContactMethodEmailOrPhone ContactMethodEmailOrPhoneConfig
	FlowType                  string
	GetCustomUserInputCode    func(tenantId string, userContext supertokens.UserContext) (string, error)
	Override                  *OverrideStruct
	EmailDelivery             *emaildelivery.TypeInput
	SmsDelivery               *smsdelivery.TypeInput
}

type TypeNormalisedInput struct {
	ContactMethodPhone        ContactMethodPhoneConfig
	ContactMethodEmail        ContactMethodEmailConfig
	ContactMethodEmailOrPhone ContactMethodEmailOrPhoneConfig
	FlowType                  string
	GetCustomUserInputCode    func(tenantId string, userContext supertokens.UserContext) (string, error)
	Override                  OverrideStruct
	GetEmailDeliveryConfig    func() emaildelivery.TypeInputWithService
	GetSmsDeliveryConfig      func() smsdelivery.TypeInputWithService
}

type OverrideStruct struct {
	Functions func(originalImplementation RecipeInterface) RecipeInterface
	APIs      func(originalImplementation APIInterface) APIInterface
}

type ContactMethodEmailConfig struct {
	Enabled              bool
	ValidateEmailAddress func(email interface{}, tenantId string) *string
}

type ContactMethodEmailOrPhoneConfig struct {
	Enabled              bool
	ValidateEmailAddress func(email interface{}, tenantId string) *string
	ValidatePhoneNumber  func(phoneNumber interface{}, tenantId string) *string
}

type ContactMethodPhoneConfig struct {
	Enabled             bool
	ValidatePhoneNumber func(phoneNumber interface{}, tenantId string) *string
}
