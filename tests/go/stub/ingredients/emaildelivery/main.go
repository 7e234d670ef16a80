// Stub transcribed from github.com/supertokens/supertokens-golang
// file ingredients/emaildelivery/main.go at tag v0.25.2 (commit c9db0d291888e701d85f3cb540631b82741ea869).
// Exported signatures verbatim; bodies replaced by panic("stub"), so the third-party import gopkg.in/gomail.v2 (used only in SendSMTPEmail's body) is dropped.

/*
 * Copyright (c) 2022, VRAI Labs and/or its affiliates. All rights reserved.
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

package emaildelivery

type Ingredient struct {
	IngredientInterfaceImpl EmailDeliveryInterface
}

func MakeIngredient(config TypeInputWithService) Ingredient {
	panic("stub")
}

func SendSMTPEmail(settings SMTPSettings, content EmailContent) error {
	panic("stub")
}
