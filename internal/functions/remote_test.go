package functions

import (
	"strings"
	"testing"
)

// TestRemoteFunctionName checks that a functionName ARN gives a remote
// function its region and account.
func TestRemoteFunctionName(t *testing.T) {
	tests := []struct {
		name, yaml          string
		wantRegion, wantARN string
		wantErr             string
	}{
		{"name only", "functions:\n  billing:\n    functionName: billing-prod\n    region: eu-west-1",
			"eu-west-1", "arn:aws:lambda:eu-west-1:123456789012:function:billing", ""},
		{"ARN", "functions:\n  billing:\n    functionName: arn:aws:lambda:ap-south-1:111122223333:function:billing-prod:live",
			"ap-south-1", "arn:aws:lambda:ap-south-1:111122223333:function:billing", ""},
		{"ARN and same region", "functions:\n  billing:\n    functionName: arn:aws:lambda:ap-south-1:111122223333:function:b\n    region: ap-south-1",
			"ap-south-1", "arn:aws:lambda:ap-south-1:111122223333:function:billing", ""},
		{"region conflict", "functions:\n  billing:\n    functionName: arn:aws:lambda:ap-south-1:111122223333:function:b\n    region: eu-west-1",
			"", "", "f.yaml:3: functions.billing.region: region eu-west-1 differs"},
		{"bad ARN", "functions:\n  billing:\n    functionName: arn:aws:s3:::bucket",
			"", "", "f.yaml:3: functions.billing.functionName: expected a function name or ARN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("f.yaml", []byte(tt.yaml))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("want error %q, got %v", tt.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			f, err := r.Lookup(tt.wantARN)
			if err != nil {
				t.Fatal(err)
			}
			if f.Region != tt.wantRegion || f.ARN != tt.wantARN || f.Remote == nil {
				t.Errorf("got region %s, ARN %s, remote %+v", f.Region, f.ARN, f.Remote)
			}
		})
	}
}
