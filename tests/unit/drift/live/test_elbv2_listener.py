"""AWS::ElasticLoadBalancingV2::Listener against DescribeListeners."""

from __future__ import annotations

from tests.live_state import ACCOUNT, check, owners


def test_listener_forward_forms_redirect_defaults_and_http_tls_policy():
    """A one-group forward block equals `TargetGroupArn`; redirect `#{…}` defaults fill in."""
    tg = f"arn:aws:elasticloadbalancing:us-east-1:{ACCOUNT}:targetgroup/tg/1"
    arn = f"arn:aws:elasticloadbalancing:us-east-1:{ACCOUNT}:listener/app/web/1/2"
    listener = {
        "arn": arn,
        "id": arn,
        "port": 80,
        "protocol": "HTTP",
        "ssl_policy": "",
        "certificate_arn": None,
        "default_action": [
            {
                "type": "forward",
                "order": 1,
                "target_group_arn": "",
                "forward": [
                    {
                        "target_group": [{"arn": tg, "weight": 1}],
                        "stickiness": [{"enabled": False, "duration": 1}],
                    }
                ],
            },
            {
                "type": "redirect",
                "order": 2,
                "redirect": [
                    {
                        "protocol": "HTTPS",
                        "port": "443",
                        "status_code": "HTTP_301",
                        "host": "#{host}",
                        "path": "/#{path}",
                        "query": "#{query}",
                    }
                ],
            },
        ],
    }
    found = owners("AWS::ElasticLoadBalancingV2::Listener", arn, ("aws_lb_listener", listener))
    live = {
        "listener": {
            "Port": 80,
            "Protocol": "HTTP",
            "SslPolicy": "ELBSecurityPolicy-2016-08",
            "DefaultActions": [
                {"Type": "forward", "TargetGroupArn": tg},
                {
                    "Type": "redirect",
                    "RedirectConfig": {
                        "Protocol": "HTTPS",
                        "Port": "443",
                        "StatusCode": "HTTP_301",
                    },
                },
            ],
        },
        "certificates": [],
    }

    assert check("AWS::ElasticLoadBalancingV2::Listener", found, live) == []
