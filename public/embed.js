// Resizes this site's embeds on a host page to their content (messages from /embed/ frames).
(function(){var o=new URL(document.currentScript.src).origin+'/',q=function(){return document.getElementsByTagName('iframe')},l=q(),i;
addEventListener('message',function(e){var d=e.data,h=d&&+d.height,f=q(),j;if(!(h>0&&h<1e5)||!(d.sentinel=='amp'&&d.type=='embed-size'||d.type=='pbm-embed-size'))return;
for(j=0;j<f.length;j++)if(f[j].contentWindow===e.source&&f[j].src.indexOf(o)==0)f[j].style.height=h+'px'});
for(i=0;i<l.length;i++)if(l[i].src.indexOf(o)==0&&l[i].contentWindow)l[i].contentWindow.postMessage({type:'pbm-embed-ping'},'*')})();
