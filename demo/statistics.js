// Stands in for an analytics script: it runs only when "statistics" is granted, and says so.
{
  document.cookie = 'demo_stats=1; Path=/; Max-Age=3600; SameSite=Lax';
  const status = document.querySelector('#statistics-status');
  if (status) status.textContent = `ran at ${new Date().toLocaleTimeString()} and set the demo_stats cookie`;
}
