package lambda

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	lambdasdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"archway/internal/functions"
	"archway/internal/integration/lambda/runtime"
)

// CallerIdentity is the integration credentials value that asks API
// Gateway to invoke the backend with the caller's own IAM identity.
const CallerIdentity = "arn:aws:iam::*:user/*"

// roleARN matches an IAM role ARN, the other accepted credentials value.
var roleARN = regexp.MustCompile(`^arn:aws[a-z-]*:iam::\d{12}:role/.+$`)

// RoleSessionName names the sessions of roles Archway assumes.
const RoleSessionName = "archway"

// remotes holds what remote invocations share: the base AWS configuration
// (loaded once), the assumed-role credentials (one cache per role) and the
// Lambda clients (one per endpoint, region and credentials).
type remotes struct {
	cfg     *aws.Config
	loadErr error
	load    sync.Once

	mu      sync.Mutex
	roles   map[string]aws.CredentialsProvider
	clients map[clientKey]*lambdasdk.Client

	// warned holds the keys of the warnings already logged.
	warned sync.Map
}

// clientKey identifies a Lambda client: the endpoint ("" for AWS's), the
// region and the integration's credentials value.
type clientKey struct{ endpoint, region, credentials string }

// awsConfig returns the base AWS configuration: Options.AWSConfig, or the
// standard chain's.
func (inv *Invoker) awsConfig(ctx context.Context) (aws.Config, error) {
	r := &inv.remotes
	r.load.Do(func() {
		if inv.opts.AWSConfig != nil {
			r.cfg = inv.opts.AWSConfig
			return
		}
		cfg, err := config.LoadDefaultConfig(context.WithoutCancel(ctx))
		if err != nil {
			r.loadErr = fmt.Errorf("lambda: loading the AWS configuration: %w", err)
			return
		}
		r.cfg = &cfg
	})
	if r.loadErr != nil {
		return aws.Config{}, r.loadErr
	}
	return *r.cfg, nil
}

// client returns the Lambda client for fn under the integration's
// credentials.
func (inv *Invoker) client(ctx context.Context, fn *functions.Function, creds string) (*lambdasdk.Client, error) {
	cfg, err := inv.awsConfig(ctx)
	if err != nil {
		return nil, err
	}
	key := clientKey{endpoint: fn.Remote.Endpoint, region: fn.Region, credentials: creds}
	r := &inv.remotes
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.clients[key]; ok {
		return c, nil
	}
	provider := inv.credentials(ctx, cfg, fn, creds)
	c := lambdasdk.NewFromConfig(cfg, func(o *lambdasdk.Options) {
		o.Region = fn.Region
		if fn.Remote.Endpoint != "" {
			o.BaseEndpoint = aws.String(fn.Remote.Endpoint)
		}
		o.Credentials = provider
		// API Gateway makes one Invoke call: a throttle or a failure
		// reaches the client, it is not retried.
		o.RetryMaxAttempts = 1
	})
	if r.clients == nil {
		r.clients = map[clientKey]*lambdasdk.Client{}
	}
	r.clients[key] = c
	return c, nil
}

// credentials returns the credentials a remote invocation of fn is signed
// with, for the integration's (checked) credentials value: an assumed
// role's, or the base configuration's. The caller holds r.mu.
func (inv *Invoker) credentials(ctx context.Context, cfg aws.Config, fn *functions.Function, creds string) aws.CredentialsProvider {
	r := &inv.remotes
	if !roleARN.MatchString(creds) { // none, or CallerIdentity
		if fn.Remote.Endpoint != "" && !hasCredentials(context.WithoutCancel(ctx), cfg) {
			inv.warnOnce("anonymous:"+fn.Name, "no AWS credentials found: Invoke requests to the endpoint are sent unsigned",
				"function", fn.Name, "endpoint", fn.Remote.Endpoint)
			return aws.AnonymousCredentials{}
		}
		return cfg.Credentials
	}
	if p, ok := r.roles[creds]; ok {
		return p
	}
	stsClient := sts.NewFromConfig(cfg, func(o *sts.Options) {
		if o.Region == "" {
			o.Region = fn.Region
		}
	})
	p := aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(stsClient, creds, func(o *stscreds.AssumeRoleOptions) {
		o.RoleSessionName = RoleSessionName
	}))
	if r.roles == nil {
		r.roles = map[string]aws.CredentialsProvider{}
	}
	r.roles[creds] = p
	return p
}

// hasCredentials reports whether the configuration's credential chain
// yields credentials.
func hasCredentials(ctx context.Context, cfg aws.Config) bool {
	if cfg.Credentials == nil {
		return false
	}
	_, err := cfg.Credentials.Retrieve(ctx)
	return err == nil
}

// warnOnce logs a warning the first time key is seen.
func (inv *Invoker) warnOnce(key, msg string, args ...any) {
	if _, seen := inv.remotes.warned.LoadOrStore(key, true); !seen {
		inv.log.Warn(msg, args...)
	}
}

// CheckCredentials reports whether an integration's credentials value is
// one Lambda integrations accept: "", an IAM role ARN or CallerIdentity
// (the load-time check).
func CheckCredentials(creds string) error {
	if creds == "" || creds == CallerIdentity || roleARN.MatchString(creds) {
		return nil
	}
	return fmt.Errorf("lambda: integration credentials %q: expected an IAM role ARN (arn:aws:iam::{account}:role/{name}) or %s",
		creds, CallerIdentity)
}

// checkCredentials validates an integration's credentials value and warns
// once per function about CallerIdentity, which Archway cannot honour.
func (inv *Invoker) checkCredentials(fn *functions.Function, creds string) error {
	if err := CheckCredentials(creds); err != nil {
		return fmt.Errorf("%w (function %s)", err, fn.Name)
	}
	if creds == CallerIdentity {
		how := "the function is invoked with Archway's own AWS credentials"
		if fn.Local != nil {
			how = "the local function runs without one"
		}
		inv.warnOnce("caller:"+fn.Name, "integration credentials "+CallerIdentity+
			" ask for the caller's IAM identity, which Archway does not have (it does not authenticate callers with IAM): "+how,
			"function", fn.Name)
	}
	return nil
}

// invokeRemote calls the Lambda Invoke API (POST
// /2015-03-31/functions/{name}/invocations), SigV4-signed, at the
// function's endpoint or AWS's regional one.
func (inv *Invoker) invokeRemote(ctx context.Context, fn *functions.Function, payload []byte, traceID, creds string) (*runtime.Result, error) {
	c, err := inv.client(ctx, fn, creds)
	if err != nil {
		return nil, err
	}
	name := fn.Remote.FunctionName
	if name == "" {
		name = fn.ARN
	}
	var opts []func(*lambdasdk.Options)
	if traceID != "" {
		opts = append(opts, func(o *lambdasdk.Options) {
			o.APIOptions = append(o.APIOptions, smithyhttp.SetHeaderValue("X-Amzn-Trace-Id", traceID))
		})
	}
	out, err := c.Invoke(ctx, &lambdasdk.InvokeInput{
		FunctionName:   aws.String(name),
		InvocationType: types.InvocationTypeRequestResponse,
		Payload:        payload,
	}, opts...)
	if err != nil {
		var throttled *types.TooManyRequestsException
		if errors.As(err, &throttled) {
			return nil, fmt.Errorf("lambda: %s: %w (%w)", fn.Name, runtime.ErrTooManyRequests, err)
		}
		return nil, fmt.Errorf("lambda: %s: %w", fn.Name, err)
	}
	res := &runtime.Result{Payload: out.Payload, FunctionError: aws.ToString(out.FunctionError)}
	res.RequestID, _ = awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
	return res, nil
}
