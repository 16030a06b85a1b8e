"""Cost table of bench/profile-entra-cycle.sh recordings (jfr print --json --stack-depth 128 --events jdk.ExecutionSample
to a .json file each): share of CPU samples per cost, one column per recording: python3 bench/profile-costs.py a.json b.json ..."""
import json,sys
from collections import Counter
CATS=[("request timers (observation / RequestMetricsFilter)",["ServerHttpObservationFilter.doFilterInternal|-ScimRequestFilter","RequestMetricsFilter.doFilterInternal|-ClientFault"]),]
def stacks(p):
    ev=json.load(open(p))['recording']['events']; out=[]
    for e in ev:
        fr=(e['values'].get('stackTrace') or {}).get('frames') or []
        if fr: out.append([f['method']['type']['name'].replace('/','.')+'.'+f['method']['name'] for f in fr])
    return out
marks={
 "SCIM token lookup (authenticateScim)":"TokenService.authenticateScim",
 "route lookup (DispatcherServlet.getHandler)":"DispatcherServlet.getHandler",
 "exception-translation proxies around repositories (AOP frames only)":("CglibAopProxy$DynamicAdvisedInterceptor.intercept|",),
 "http.server.requests timers (any Micrometer frame)":"io.micrometer.",
 "JSON parse of request bodies (ScimJson.readBody)":"ScimJson.readBody",
 "JSON write of responses (ScimJson.respond / ResourceJson.write)":("ScimJson.respond","ResourceJson.write"),
 "SQL execution in the JDBC driver (pgjdbc QueryExecutorImpl.execute)":"QueryExecutorImpl.execute",
 "transaction begin/commit (DataSourceTransactionManager)":"DataSourceTransactionManager.do",
 "connection checkout/return (HikariCP pool)":("HikariPool.getConnection","ProxyConnection.close"),
 "PATCH: apply + normalise (UserPatch.apply)":"UserPatch.apply",
 "create: normalise (UserResources.normalize)":"UserResources.normalize",
 "session end on deactivation (SessionTermination)":"SessionTermination.userDeactivated",
 "provisioning log (record + batch write)":("ProvisioningLog.record","ProvisioningLog.write"),
 "Tomcat HTTP parse/write outside the servlet (Http11Processor minus filter chain)":None,
 "threads other than request handling (log writer, pool housekeeping, JFR)":None,
 "Spring Session + Security chain (SessionRepositoryFilter..DispatcherServlet)":None,
}
def share(st, m):
    if isinstance(m,tuple) and m[0].endswith("|"):
        return sum(1 for s in st if any(("ReflectiveMethodInvocation" in f or "CglibAopProxy" in f or "AopUtils" in f or "PersistenceExceptionTranslationInterceptor" in f) for f in s[:6]))
    ms = m if isinstance(m,tuple) else (m,)
    return sum(1 for s in st if any(any(x in f for x in ms) for f in s))
res={}
for p in sys.argv[1:]:
    st=stacks(p); n=len(st); r={}
    for k,m in marks.items():
        if m: r[k]=100*share(st,m)/n
    tom=share(st,("Http11Processor.service",)); chain=share(st,("ApplicationFilterChain.doFilter",))
    r["Tomcat HTTP parse/write outside the servlet (Http11Processor minus filter chain)"]=100*(tom-chain)/n
    r["threads other than request handling (log writer, pool housekeeping, JFR)"]=100*(n-share(st,("org.apache.tomcat.util.threads",)))/n
    r["Spring Session + Security chain (SessionRepositoryFilter..DispatcherServlet)"]=100*(share(st,("SessionRepositoryFilter.doFilterInternal",))-share(st,("DispatcherServlet.doService",)))/n
    res[p]=(n,r)
keys=list(marks)
print("| cost | "+" | ".join(p.split('/')[-2].replace('profile-before','before').replace('profile','after')+" "+p.split('-')[-1][:-5] for p in sys.argv[1:])+" |")
print("| --- |"+" ---: |"*len(sys.argv[1:]))
print("| CPU samples | "+" | ".join(str(res[p][0]) for p in sys.argv[1:])+" |")
for k in sorted(keys,key=lambda k:-res[sys.argv[1]][1][k]):
    print(f"| {k} | "+" | ".join(f"{res[p][1][k]:.1f} %" for p in sys.argv[1:])+" |")
