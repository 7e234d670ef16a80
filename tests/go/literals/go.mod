module literals

go 1.19
