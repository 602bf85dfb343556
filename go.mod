module archway

go 1.26.8

require (
	github.com/aws/aws-lambda-go v1.55.1
	github.com/dlclark/regexp2 v1.12.0
	github.com/spf13/cobra v1.10.2
	go.yaml.in/yaml/v3 v3.0.6
)

require (
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
)
