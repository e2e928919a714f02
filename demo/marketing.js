// Stands in for an advertising script: it runs only when "marketing" is granted, and says so.
{
  document.cookie = 'demo_ads=1; Path=/; Max-Age=3600; SameSite=Lax';
  const status = document.querySelector('#marketing-status');
  if (status) status.textContent = `ran at ${new Date().toLocaleTimeString()} and set the demo_ads cookie`;
}
