import { Duration } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  SSLMethod,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeFinding } from '../nag/acknowledge';

/** The portal's Content-Security-Policy: no scripts, styles and images from the portal only, no framing. */
export const PORTAL_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** HSTS max-age: two years, the value browsers' preload lists ask for. */
export const HSTS_MAX_AGE = Duration.days(730);

/** Key prefix of the CloudFront access logs in the access-logs bucket. */
export const PORTAL_LOG_PREFIX = 'portal-cloudfront/';

export interface PortalDistributionProps {
  /** Host name of the API origin, e.g. `abc123.execute-api.eu-west-2.amazonaws.com`. */
  readonly originDomainName: string;
  /** Receives CloudFront standard access logs (ACLs must be enabled on it). */
  readonly logBucket: IBucket;
  /** The portal's own domain; with certificateArn. Default: the CloudFront domain and default certificate. */
  readonly domainName?: string;
  /** ACM certificate in us-east-1 for domainName. */
  readonly certificateArn?: string;
}

/**
 * CloudFront in front of the portal API: HTTPS only (HTTP redirects), nothing cached (every page depends on who is
 * signed in), every viewer header, cookie and query string forwarded except Host (API Gateway routes on its own host
 * name), security headers on every response, access logs. With a custom domain and certificate, viewers need TLS 1.2+.
 */
export class PortalDistribution extends Construct {
  readonly distribution: Distribution;
  readonly headersPolicy: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: PortalDistributionProps) {
    super(scope, id);
    this.headersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'pcm-reporter portal: HSTS, strict CSP, no framing, no sniffing, same-origin referrer',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: PORTAL_CONTENT_SECURITY_POLICY, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        // Not no-referrer: browsers then send `Origin: null` on form POSTs, which an Origin-based CSRF check (such as
        // hono's csrf middleware) refuses.
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      },
    });

    const custom = props.domainName !== undefined && props.certificateArn !== undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'pcm-reporter report portal',
      defaultBehavior: {
        origin: new HttpOrigin(props.originDomainName, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          readTimeout: Duration.seconds(30),
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: this.headersPolicy,
        compress: true,
      },
      ...(custom
        ? {
            domainNames: [props.domainName as string],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn as string),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            sslSupportMethod: SSLMethod.SNI,
          }
        : {}),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: PORTAL_LOG_PREFIX,
    });

    if (!custom) {
      acknowledgeFinding(
        this.distribution,
        'AwsSolutions-CFR4',
        'No portalDomainName and portalCertificateArn are configured, so the distribution uses the default ' +
          'CloudFront certificate, whose security policy CloudFront fixes at TLSv1; set both context keys to ' +
          'require TLS 1.2 or later (docs/deployment.md).',
      );
    }
    acknowledgeFinding(
      this.distribution,
      'AwsSolutions-CFR1',
      'Portal users are ICB and practice staff who may sign in from anywhere, so no country is blocked; every page ' +
        'except sign-in requires a Cognito session with MFA.',
    );
    acknowledgeFinding(
      this.distribution,
      'AwsSolutions-CFR2',
      'A CloudFront web ACL must live in us-east-1, outside this single-region stack; the portal requires MFA ' +
        'sign-in, and API Gateway throttles requests before they reach the function.',
    );
  }
}
