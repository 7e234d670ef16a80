module github.com/supertokens/supertokens-golang

go 1.19
