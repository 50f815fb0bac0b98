/**
 * The device side of `thincall mem`: two lines sent to the board's REPL once the user's program
 * has run. They live in RAM while they run, so they are kept short, and the first line reads the
 * usage before the probe is even parsed (the probe's own cost is what the second line adds).
 */

/** Prefix of every line the probe prints. */
export const MEM_PREFIX = "@tcm ";

/** The hidden-root key of an emulated budget's reservation (scripts/console/reserve.ts). */
export const RESERVATION_KEY = "rsv";

/** The hidden-root key where the baseline usage (right after reset) is kept by {@link baselinePrelude}. */
export const BASELINE_KEY = "thm0";

/**
 * Device code run on the reset board before the program: the globals there already (the board's
 * own, such as a Bangle's `g`), then, on a line of its own about as long as {@link probeBefore}'s
 * (a REPL line's text is in RAM while it runs), the usage, both on Espruino's hidden root.
 */
export function baselinePrelude(): string {
  // The virtual board (QuickJS) has no hidden root: it gets a plain global of that name.
  return `(global["\\xFF"]||(global["\\xFF"]={})).thb=","+Object.keys(global).join()+",";\nglobal["\\xFF"].${BASELINE_KEY}=process.memory().usage;`;
}

/** The first line: usage and totals before the probe exists. */
export function probeBefore(): string {
  return `print("${MEM_PREFIX}pre "+JSON.stringify(process.memory()));`;
}

/**
 * The probe. `depth`: E.getSizeOf's depth for the globals list (1: each global; 2: their members).
 * `minCount`: the fewest items of one class or shape in one array or object that make a group.
 * It prints `mem` (totals), one `g` per global, one `grp` per group, then `end`. Per-item costs are
 * slopes, (size of all items − size of the first half) / items in the second half, so what the
 * items share (a class, its prototype, a vtable) is not charged to them. The thin styles are built
 * from the group's first 16 items, with the same data fields.
 *
 * Espruino 2v29's `String.indexOf` can report a match past the end (`",a,b,".indexOf(",yy,")` is 4,
 * Linux build and emulator), so a found name is confirmed with `substr`.
 */
export function probeLine(depth: number, minCount: number): string {
  return (
    `(function(D,K){var H=global["\\xFF"]||{},m=process.memory(),P=function(t,v){print("${MEM_PREFIX}"+t+" "+JSON.stringify(v))},` +
    `Z=E.getSizeOf,T=function(v){return v&&v.buffer instanceof ArrayBuffer},` +
    `Y=function(A,M){return (Z(A)-Z(A.slice(0,M>>1)))/(M-(M>>1))};` +
    `P("mem",{usage:m.usage,free:m.free,total:m.total,blocksize:m.blocksize,history:m.history,base:H.${BASELINE_KEY},rsv:H.${RESERVATION_KEY}?Z(H.${RESERVATION_KEY}):0,own:H.thb?Z(H.thb)+2:0,reach:Z(global)});` +
    `var L=Z(global,D);if(typeof L=="number")L=Object.keys(global).map(function(k){return{name:k,size:Z(global[k])+1}});` +
    `L.forEach(function(e){var v=global[e.name],t=typeof v,b,k;k=","+e.name+",",b=(H.thb||"").indexOf(k);b=b>=0&&H.thb.substr(b,k.length)==k;if(t=="function"&&(""+v).indexOf("[native")>0)b=1;e.kind=e.name=="\\xFF"?"internal":b?"builtin":t=="function"?"code":T(v)?"typed":Array.isArray(v)?"array":t;P("g",e)});L=0;` +
    `var G=function(n,k,g){var N=g.length,x=g[0],o=typeof k=="object",pr=o?k:x,f=[],fn=[],a,c="",M=Math.min(N,16),V={},F,s={};` +
    `Object.keys(x).forEach(function(a){if(typeof x[a]!="function")f.push(a)});` +
    `if(typeof x=="object")Object.getOwnPropertyNames(pr).forEach(function(a){if(a!="constructor"&&typeof pr[a]=="function"){fn.push(a);V[a]=pr[a]}});F=V[fn[0]];` +
    `if(o){for(a in global)if(global[a]&&global[a].prototype===k)c=a;if(!c&&k.constructor)c=k.constructor.name}` +
    `var B=function(w){var A=[],i,y;for(i=0;i<M;i++){y={};f.forEach(function(a){y[a]=g[i][a]});w(y);A.push(y)}return Y(A,M)};` +
    `if(fn.length&&M>1){s["thin.func"]=B(function(y){y.f=F});s["thin.vtable"]=B(function(y){y.v=V});s["thin.table"]=B(function(y){y.t=0})}` +
    `P("grp",{in:n,of:o?(c?"new "+c:"an object with a prototype"):k,count:N,per:Y(g,N),fields:f,methods:fn,` +
    `numbers:f.filter(function(a){return typeof x[a]=="number"}).length,thin:s})};` +
    `var S=function(n,c){var ks=[],gs=[],i,x,k,j;for(i in c){x=c[i];if(x&&(typeof x=="object"||typeof x=="function")&&!T(x)){` +
    `k=typeof x=="function"?"function":Object.getPrototypeOf(x);if(k===Object.prototype)k="{"+Object.keys(x).join()+"}";else if(k===Array.prototype)k="[]";` +
    `j=ks.indexOf(k);if(j<0){ks.push(k);gs.push([x])}else gs[j].push(x)}}gs.forEach(function(g,j){if(g.length>=K)G(n,ks[j],g)})};` +
    `for(var n in global){var v=global[n];if(v&&v!==global&&typeof v=="object"&&!T(v)){S(n,v);for(var j in v){var w=v[j];if(Array.isArray(w))S(n+"."+j,w)}}}` +
    `m=process.memory();P("end",{usage:m.usage})})(${depth},${minCount});`
  );
}
