import nodemailer from 'nodemailer';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes: an SMTP server in production and in the tests, which start a real one. */
export interface MailTransport {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

/** A transport over SMTP (`smtp://host:port`, or `smtps://user:pass@host:port`) through nodemailer. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    send: async (message) => ({ messageId: (await transporter.sendMail(message)).messageId }),
    close: () => transporter.close(),
  };
}
